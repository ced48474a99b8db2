/* qabot._statat: the sizes, mtimes and inodes of many files in one folder, stated in one call.

   An optional accelerator for corpus._Walk (the staleness check's walk): the pure-Python loop of os.stat over a
   folder's names spends more time building stat_result objects than the kernel spends stating. statat(fd, names,
   dev) states each name through the folder's descriptor (fstatat, following symlinks, as os.stat(name,
   dir_fd=fd) does) and returns (sizes, mtimes, inos, odd): three bytes objects of native int64 / uint64 values,
   one per name, and the list of the indices of the names that are not a regular file on device dev or could not
   be stated (their values are 0; the caller states those again in Python, as it always did).

   scan(fd, prefix) goes further for the listing child (corpus.list_packed): a whole folder listed, its names
   sorted and sorted out, its article files stated and their paths packed, with no Python object made per file;
   unique(inos) checks at the end of such a walk that no file was reached twice. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

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

/* scan(fd, prefix) lists and states one folder as corpus._Walk does it with os.listdir, sorting, the name
   rules and statat, in one call, for the staleness check's listing child (corpus.list_packed): the folder's names
   read (readdir of a duplicate of fd, from its start), hidden ones ('.' first) left out, the rest sorted by their
   bytes (for UTF-8 names, the order of Python's str sort), each taken as an article file when its lowercased ending
   (from its last dot, not the first character) is one of the article endings, every article file stated through fd
   (fstatat, following symlinks). Returns False for a qabot index (both "manifest.json" and ".lock" among the
   names); None for anything Python must decide itself: a name that is not strict UTF-8 or whose ending is not
   ASCII, an article file that is no regular file on the folder's device or cannot be stated, any error; else
   (paths, sizes, mtimes, inos, dev, others): the article files' paths (prefix + name, NUL-separated), sizes and
   nanosecond mtimes (native int64) and inodes (native uint64) in name order, the folder's device, and the other
   names (str, as os.listdir decodes them) in order. */
static char endings[32][16]; /* the article endings, as corpus.SUPPORTED_SUFFIXES gives them (set_endings) */
static int n_endings = 0;

static int by_bytes(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

/* 1 when name is an article file's name, 0 when not, -1 when Python must decide (a non-ASCII ending). */
static int article(const char *name, size_t len) {
    const char *dot = strrchr(name, '.');
    if (dot == NULL || dot == name)
        return 0;
    size_t n = len - (size_t)(dot - name);
    if (n >= 16)
        return 0;
    char low[16];
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)dot[i];
        if (c >= 0x80)
            return -1;
        low[i] = (c >= 'A' && c <= 'Z') ? (char)(c + 32) : (char)c;
    }
    low[n] = 0;
    for (int i = 0; i < n_endings; i++)
        if (strcmp(low, endings[i]) == 0)
            return 1;
    return 0;
}

static int strict_utf8(const char *name, size_t len) {
    for (size_t i = 0; i < len; i++)
        if ((unsigned char)name[i] >= 0x80) {
            PyObject *decoded = PyUnicode_DecodeUTF8(name, (Py_ssize_t)len, NULL);
            if (decoded == NULL) {
                PyErr_Clear();
                return 0;
            }
            Py_DECREF(decoded);
            return 1;
        }
    return 1;
}

static PyObject *scan(PyObject *self, PyObject *args) {
    int fd;
    const char *prefix;
    Py_ssize_t prefix_len;
    if (!PyArg_ParseTuple(args, "iy#", &fd, &prefix, &prefix_len))
        return NULL;
    if (!n_endings) {
        PyErr_SetString(PyExc_RuntimeError, "scan: set_endings first");
        return NULL;
    }
    struct stat folder;
    if (fstat(fd, &folder) != 0)
        Py_RETURN_NONE;
    int dup_fd = dup(fd);
    if (dup_fd < 0)
        Py_RETURN_NONE;
    DIR *dir = fdopendir(dup_fd);
    if (dir == NULL) {
        close(dup_fd);
        Py_RETURN_NONE;
    }
    rewinddir(dir);
    size_t cap = 1 << 16, used = 0, count = 0, slots = 256;
    char *text = malloc(cap);
    size_t *offsets = malloc(slots * sizeof(size_t));
    char **names = NULL;
    int64_t *size = NULL, *mtime = NULL;
    uint64_t *ino = NULL;
    PyObject *result = NULL, *paths = NULL, *sizes = NULL, *mtimes = NULL, *inos = NULL, *others = NULL;
    int manifest = 0, lock = 0, unsure = 0;
    if (!text || !offsets)
        goto nomem;
    struct dirent *entry;
    errno = 0;
    while ((entry = readdir(dir)) != NULL) {
        const char *name = entry->d_name;
        if (name[0] == '.') {
            if (strcmp(name, ".lock") == 0)
                lock = 1;
            continue;
        }
        if (strcmp(name, "manifest.json") == 0)
            manifest = 1;
        size_t len = strlen(name);
        if (used + len + 1 > cap) {
            while (used + len + 1 > cap)
                cap *= 2;
            char *grown = realloc(text, cap);
            if (!grown)
                goto nomem;
            text = grown;
        }
        if (count == slots) {
            slots *= 2;
            size_t *grown = realloc(offsets, slots * sizeof(size_t));
            if (!grown)
                goto nomem;
            offsets = grown;
        }
        memcpy(text + used, name, len + 1);
        offsets[count++] = used;
        used += len + 1;
    }
    if (errno != 0) { /* the listing failed: Python lists it again and says why */
        unsure = 1;
        goto done;
    }
    if (manifest && lock) {
        result = Py_False;
        Py_INCREF(result);
        goto done;
    }
    names = malloc((count ? count : 1) * sizeof(char *));
    if (!names)
        goto nomem;
    for (size_t i = 0; i < count; i++)
        names[i] = text + offsets[i];
    qsort(names, count, sizeof(char *), by_bytes);
    /* articles first to the front (kept in order), others counted */
    size_t n_articles = 0, paths_len = 0;
    others = PyList_New(0);
    if (!others)
        goto done;
    char **kept = malloc((count ? count : 1) * sizeof(char *));
    if (!kept)
        goto nomem;
    for (size_t i = 0; i < count; i++) {
        size_t len = strlen(names[i]);
        if (!strict_utf8(names[i], len)) {
            unsure = 1;
            break;
        }
        int kind = article(names[i], len);
        if (kind < 0) {
            unsure = 1;
            break;
        }
        if (kind) {
            kept[n_articles++] = names[i];
            paths_len += (size_t)prefix_len + len + 1;
            continue;
        }
        PyObject *other = PyUnicode_DecodeFSDefaultAndSize(names[i], (Py_ssize_t)len);
        if (!other || PyList_Append(others, other) < 0) {
            Py_XDECREF(other);
            free(kept);
            goto done;
        }
        Py_DECREF(other);
    }
    if (unsure) {
        free(kept);
        goto done;
    }
    paths = PyBytes_FromStringAndSize(NULL, n_articles ? (Py_ssize_t)paths_len - 1 : 0);
    sizes = PyBytes_FromStringAndSize(NULL, (Py_ssize_t)n_articles * 8);
    mtimes = PyBytes_FromStringAndSize(NULL, (Py_ssize_t)n_articles * 8);
    inos = PyBytes_FromStringAndSize(NULL, (Py_ssize_t)n_articles * 8);
    if (!paths || !sizes || !mtimes || !inos) {
        free(kept);
        goto done;
    }
    char *out = PyBytes_AS_STRING(paths);
    size = (int64_t *)PyBytes_AS_STRING(sizes);
    mtime = (int64_t *)PyBytes_AS_STRING(mtimes);
    ino = (uint64_t *)PyBytes_AS_STRING(inos);
    for (size_t i = 0; i < n_articles; i++) {
        struct stat st;
        if (fstatat(fd, kept[i], &st, 0) != 0 || !S_ISREG(st.st_mode) || st.st_dev != folder.st_dev) {
            unsure = 1;
            break;
        }
        size[i] = (int64_t)st.st_size;
        mtime[i] = (int64_t)st.st_mtim.tv_sec * 1000000000 + (int64_t)st.st_mtim.tv_nsec;
        ino[i] = (uint64_t)st.st_ino;
        if (i)
            *out++ = 0;
        memcpy(out, prefix, (size_t)prefix_len);
        out += prefix_len;
        size_t len = strlen(kept[i]);
        memcpy(out, kept[i], len);
        out += len;
    }
    free(kept);
    if (unsure)
        goto done;
    result = Py_BuildValue("(OOOOKO)", paths, sizes, mtimes, inos, (unsigned long long)folder.st_dev, others);
    goto done;
nomem:
    PyErr_NoMemory();
done:
    closedir(dir);
    free(text);
    free(offsets);
    free(names);
    Py_XDECREF(paths);
    Py_XDECREF(sizes);
    Py_XDECREF(mtimes);
    Py_XDECREF(inos);
    Py_XDECREF(others);
    if (result == NULL && !PyErr_Occurred())
        Py_RETURN_NONE;
    return result;
}

/* set_endings(endings): the article endings (lowercase ASCII, each starting with a dot) that scan recognises. */
static PyObject *set_endings(PyObject *self, PyObject *args) {
    PyObject *given;
    if (!PyArg_ParseTuple(args, "O", &given))
        return NULL;
    PyObject *seq = PySequence_Fast(given, "set_endings: a sequence of str");
    if (!seq)
        return NULL;
    Py_ssize_t n = PySequence_Fast_GET_SIZE(seq);
    if (n > 32) {
        Py_DECREF(seq);
        PyErr_SetString(PyExc_ValueError, "set_endings: too many endings");
        return NULL;
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        Py_ssize_t len;
        const char *ending = PyUnicode_AsUTF8AndSize(PySequence_Fast_GET_ITEM(seq, i), &len);
        if (!ending || len < 2 || len >= 16 || ending[0] != '.') {
            Py_DECREF(seq);
            if (!PyErr_Occurred())
                PyErr_SetString(PyExc_ValueError, "set_endings: endings are '.' and 1 to 14 ASCII characters");
            return NULL;
        }
        for (Py_ssize_t k = 0; k < len; k++)
            if ((unsigned char)ending[k] >= 0x80 || (ending[k] >= 'A' && ending[k] <= 'Z')) {
                Py_DECREF(seq);
                PyErr_SetString(PyExc_ValueError, "set_endings: endings are lowercase ASCII");
                return NULL;
            }
        memcpy(endings[i], ending, (size_t)len + 1);
    }
    n_endings = (int)n;
    Py_DECREF(seq);
    Py_RETURN_NONE;
}

/* unique(inos): True when no value of the native uint64 bytes inos comes twice. */
static PyObject *unique(PyObject *self, PyObject *args) {
    Py_buffer view;
    if (!PyArg_ParseTuple(args, "y*", &view))
        return NULL;
    size_t n = (size_t)view.len / 8, cap = 16;
    while (cap < 2 * n)
        cap *= 2;
    uint64_t *table = calloc(cap, sizeof(uint64_t));
    unsigned char *used = calloc(cap, 1);
    if (!table || !used) {
        free(table);
        free(used);
        PyBuffer_Release(&view);
        return PyErr_NoMemory();
    }
    const uint64_t *values = (const uint64_t *)view.buf;
    int same = 0;
    for (size_t i = 0; i < n && !same; i++) {
        uint64_t v;
        memcpy(&v, values + i, 8);
        size_t slot = (size_t)((v * 0x9E3779B97F4A7C15ULL) >> 16) & (cap - 1);
        while (used[slot]) {
            if (table[slot] == v) {
                same = 1;
                break;
            }
            slot = (slot + 1) & (cap - 1);
        }
        used[slot] = 1;
        table[slot] = v;
    }
    free(table);
    free(used);
    PyBuffer_Release(&view);
    return PyBool_FromLong(!same);
}

static PyMethodDef methods[] = {
    {"statat", statat, METH_VARARGS, "statat(fd, names, dev) -> (sizes, mtimes, inos, odd): see the module."},
    {"scan", scan, METH_VARARGS, "scan(fd, prefix) -> (paths, sizes, mtimes, inos, dev, others) | False | None."},
    {"set_endings", set_endings, METH_VARARGS, "set_endings(endings): the article endings scan recognises."},
    {"unique", unique, METH_VARARGS, "unique(inos) -> True when no native uint64 comes twice."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {PyModuleDef_HEAD_INIT, "_statat",
                                    "Many files of one folder stated in one call (see corpus._Walk).", -1, methods};

PyMODINIT_FUNC PyInit__statat(void) { return PyModule_Create(&module); }
