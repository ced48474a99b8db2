/* qabot._statat: the sizes, mtimes and inodes of many files in one folder, stated in one call.

   An optional accelerator for corpus._Walk (the staleness check's walk): the pure-Python loop of os.stat over a
   folder's names spends more time building stat_result objects than the kernel spends stating. statat(fd, names,
   dev) states each name through the folder's descriptor (fstatat, following symlinks, as os.stat(name,
   dir_fd=fd) does) and returns (sizes, mtimes, inos, odd): three bytes objects of native int64 / uint64 values,
   one per name, and the list of the indices of the names that are not a regular file on device dev or could not
   be stated (their values are 0; the caller states those again in Python, as it always did). */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <fcntl.h>
#include <stdint.h>
#include <sys/stat.h>

static PyObject *statat(PyObject *self, PyObject *args) {
    int fd;
    PyObject *names;
    unsigned long long dev;
    if (!PyArg_ParseTuple(args, "iO!K", &fd, &PyList_Type, &names, &dev))
        return NULL;
    Py_ssize_t n = PyList_GET_SIZE(names);
    PyObject *sizes = PyBytes_FromStringAndSize(NULL, n * 8);
    PyObject *mtimes = PyBytes_FromStringAndSize(NULL, n * 8);
    PyObject *inos = PyBytes_FromStringAndSize(NULL, n * 8);
    PyObject *odd = PyList_New(0);
    if (!sizes || !mtimes || !inos || !odd)
        goto fail;
    int64_t *size = (int64_t *)PyBytes_AS_STRING(sizes), *mtime = (int64_t *)PyBytes_AS_STRING(mtimes);
    uint64_t *ino = (uint64_t *)PyBytes_AS_STRING(inos);
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *name = PyList_GET_ITEM(names, i);
        if (!PyUnicode_Check(name)) {
            PyErr_SetString(PyExc_TypeError, "statat: names must be str");
            goto fail;
        }
        PyObject *encoded = PyUnicode_EncodeFSDefault(name); /* as os.stat encodes a name */
        if (!encoded)
            goto fail;
        struct stat st;
        int bad = (size_t)PyBytes_GET_SIZE(encoded) != strlen(PyBytes_AS_STRING(encoded)) ||
                  fstatat(fd, PyBytes_AS_STRING(encoded), &st, 0) != 0 || !S_ISREG(st.st_mode) ||
                  (unsigned long long)st.st_dev != dev;
        Py_DECREF(encoded);
        if (bad) {
            size[i] = mtime[i] = 0;
            ino[i] = 0;
            PyObject *index = PyLong_FromSsize_t(i);
            if (!index || PyList_Append(odd, index) < 0) {
                Py_XDECREF(index);
                goto fail;
            }
            Py_DECREF(index);
            continue;
        }
        size[i] = (int64_t)st.st_size;
        mtime[i] = (int64_t)st.st_mtim.tv_sec * 1000000000 + (int64_t)st.st_mtim.tv_nsec;
        ino[i] = (uint64_t)st.st_ino;
    }
    return Py_BuildValue("(NNNN)", sizes, mtimes, inos, odd);
fail:
    Py_XDECREF(sizes);
    Py_XDECREF(mtimes);
    Py_XDECREF(inos);
    Py_XDECREF(odd);
    return NULL;
}

static PyMethodDef methods[] = {
    {"statat", statat, METH_VARARGS, "statat(fd, names, dev) -> (sizes, mtimes, inos, odd): see the module."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {PyModuleDef_HEAD_INIT, "_statat",
                                    "Many files of one folder stated in one call (see corpus._Walk).", -1, methods};

PyMODINIT_FUNC PyInit__statat(void) { return PyModule_Create(&module); }
