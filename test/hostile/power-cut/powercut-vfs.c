/*
 * Simulated power cuts for SQLite, as SQLite's own crash tests do them (test6.c), in a loadable extension.
 * A TEST TOOL: compiled by the power-cut suite, loaded only by its test child, never by the registry.
 *
 * Loading it registers the VFS "powercut" over the default one (unix) and makes it the default for every
 * connection opened afterwards in the process, whatever thread opens it (the event store's writer worker,
 * the read-model file, the bulk rebuild worker): SQLite's VFS list is process-wide.
 *
 * Writes go to the real file at once, so the process sees what it wrote. For every 512-byte sector written
 * since the file's last xSync, the sector as it stood at that sync is remembered (and which bytes of it were
 * written since). xSync makes them durable: it forgets them (and skips the real fsync: the disk here never
 * loses power, only the model does). The cut comes in the middle of the POWERCUT_AFTER_WRITES-th write
 * (counted over all files): each remembered sector is then, at random, kept as written, put back as it was
 * at the last sync, torn (a prefix of the new bytes over the old) or filled with garbage in the bytes written
 * since the sync; a file grown since its last sync may lose its new length. Then the process ends at once
 * (_exit), syncing nothing. Bytes never written since a sync are never touched (SQLite's unix VFS promises
 * "powersafe overwrite", and WAL frames share sectors with the frames before them).
 *
 * Not modelled: a file's creation or deletion and a truncation are durable at once (directory entries);
 * the -shm file is shared memory, passed through (SQLite rebuilds it after a crash).
 *
 * Environment: POWERCUT_AFTER_WRITES (0 or unset: never cut), POWERCUT_SEED (random choices).
 * At the cut it prints one JSON line on stdout: {"kind":"cut",...counts, "unsyncedSectorsByFile":{name: n}}.
 */
#include <sqlite3ext.h>
SQLITE_EXTENSION_INIT1

#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define SECTOR 512

typedef struct Sector {
  sqlite3_int64 index; /* -1: empty slot */
  int lo, hi;          /* bytes [lo, hi) of the sector written since the last sync */
  unsigned char old[SECTOR];
} Sector;

/* What the disk holds of one file, shared by every handle open on it (a writer and its readers): an fsync on
 * any handle makes the file durable, and a reader's view of its length must not stand for the file's. */
typedef struct Durable {
  char *path; /* NULL for a temporary file: never shared */
  int handles;
  sqlite3_int64 syncedSize;
  Sector *slots;
  size_t capacity, used;
  struct Durable *next;
} Durable;

typedef struct CutFile {
  sqlite3_file base;
  sqlite3_file *real;
  Durable *durable;
} CutFile;

static sqlite3_vfs *underlying;
static pthread_mutex_t guard = PTHREAD_MUTEX_INITIALIZER;
static Durable *files;
static long long writes, cutAfter;
static unsigned long long randomState = 88172645463325252ULL;

static unsigned long long nextRandom(void) {
  /* xorshift64: reproducible from POWERCUT_SEED, independent of libc's rand. */
  randomState ^= randomState << 13;
  randomState ^= randomState >> 7;
  randomState ^= randomState << 17;
  return randomState;
}

static Sector *findSlot(Durable *file, sqlite3_int64 index) {
  size_t at = (size_t)(index * 2654435761u) & (file->capacity - 1);
  while (file->slots[at].index != -1 && file->slots[at].index != index) at = (at + 1) & (file->capacity - 1);
  return &file->slots[at];
}

static int grow(Durable *file) {
  Sector *previous = file->slots;
  size_t previousCapacity = file->capacity;
  size_t capacity = previousCapacity == 0 ? 64 : previousCapacity * 2;
  Sector *slots = malloc(capacity * sizeof(Sector));
  if (slots == NULL) return SQLITE_NOMEM;
  for (size_t i = 0; i < capacity; i++) slots[i].index = -1;
  file->slots = slots;
  file->capacity = capacity;
  for (size_t i = 0; i < previousCapacity; i++) {
    if (previous[i].index != -1) *findSlot(file, previous[i].index) = previous[i];
  }
  free(previous);
  return SQLITE_OK;
}

static void forgetUnsynced(Durable *file) {
  for (size_t i = 0; i < file->capacity; i++) file->slots[i].index = -1;
  file->used = 0;
}

/* Remembers, once per sync, what each sector touched by [offset, offset + amount) held at the last sync. */
static int remember(CutFile *handle, sqlite3_int64 offset, int amount) {
  Durable *file = handle->durable;
  for (sqlite3_int64 index = offset / SECTOR; index * SECTOR < offset + amount; index++) {
    if ((file->used + 1) * 2 > file->capacity && grow(file) != SQLITE_OK) return SQLITE_NOMEM;
    Sector *slot = findSlot(file, index);
    sqlite3_int64 start = index * SECTOR;
    int lo = offset > start ? (int)(offset - start) : 0;
    int hi = offset + amount < start + SECTOR ? (int)(offset + amount - start) : SECTOR;
    if (slot->index == index) {
      if (lo < slot->lo) slot->lo = lo;
      if (hi > slot->hi) slot->hi = hi;
      continue;
    }
    memset(slot->old, 0, SECTOR);
    if (start < file->syncedSize) {
      /* A short read past the end zero-fills: what a grown file shows where nothing reached the disk. */
      int rc = handle->real->pMethods->xRead(handle->real, slot->old, SECTOR, start);
      if (rc != SQLITE_OK && rc != SQLITE_IOERR_SHORT_READ) return rc;
      if (start + SECTOR > file->syncedSize) memset(slot->old + (file->syncedSize - start), 0, (size_t)(start + SECTOR - file->syncedSize));
    }
    slot->index = index;
    slot->lo = lo;
    slot->hi = hi;
    file->used++;
  }
  return SQLITE_OK;
}

/* Writes straight to the path: the handles belong to SQLite, which must not see this happen. */
static void putBytes(int fd, const unsigned char *bytes, int amount, sqlite3_int64 offset) {
  if (pwrite(fd, bytes, (size_t)amount, (off_t)offset) != amount) _exit(139);
}

static void cutPower(void) {
  long long sectors = 0, kept = 0, restored = 0, torn = 0, garbage = 0, shortened = 0;
  char perFile[2048] = "";
  size_t perFileLength = 0;
  for (Durable *file = files; file != NULL; file = file->next) {
    if (file->path == NULL) continue;
    int fd = open(file->path, O_RDWR);
    if (fd < 0) continue; /* deleted since: nothing of it is left to damage */
    const char *slash = strrchr(file->path, '/');
    if (file->used > 0 && perFileLength + 128 < sizeof perFile) {
      perFileLength += (size_t)snprintf(perFile + perFileLength, sizeof perFile - perFileLength, "%s\"%.80s\":%zu",
                                        perFileLength == 0 ? "" : ",", slash ? slash + 1 : file->path, file->used);
    }
    for (size_t i = 0; i < file->capacity; i++) {
      Sector *slot = &file->slots[i];
      if (slot->index == -1) continue;
      sectors++;
      sqlite3_int64 start = slot->index * SECTOR;
      unsigned char bytes[SECTOR];
      int roll = (int)(nextRandom() % 100);
      int span = slot->hi - slot->lo;
      if (roll < 40) {
        kept++;
        continue;
      } else if (roll < 75) {
        restored++;
        memcpy(bytes, slot->old + slot->lo, (size_t)span);
      } else if (roll < 90) {
        /* Torn: the first k new bytes reached the platter, the rest is as it was. */
        torn++;
        int k = span <= 1 ? 0 : (int)(nextRandom() % (unsigned long long)span);
        if (k > 0 && pread(fd, bytes, (size_t)k, (off_t)(start + slot->lo)) < 0) _exit(139);
        memcpy(bytes + k, slot->old + slot->lo + k, (size_t)(span - k));
      } else {
        garbage++;
        for (int b = 0; b < span; b++) bytes[b] = (unsigned char)nextRandom();
      }
      putBytes(fd, bytes, span, start + slot->lo);
    }
    struct stat status;
    if (fstat(fd, &status) == 0 && status.st_size > file->syncedSize && nextRandom() % 2 == 0) {
      shortened++;
      if (ftruncate(fd, (off_t)file->syncedSize) != 0) _exit(139);
    }
    close(fd);
  }
  char line[2560];
  int length = snprintf(line, sizeof line,
                        "{\"kind\":\"cut\",\"writes\":%lld,\"unsyncedSectors\":%lld,\"kept\":%lld,\"restored\":%lld,\"torn\":%lld,"
                        "\"garbage\":%lld,\"shortenedFiles\":%lld,\"unsyncedSectorsByFile\":{%s}}\n",
                        writes, sectors, kept, restored, torn, garbage, shortened, perFile);
  if (write(STDOUT_FILENO, line, (size_t)length) < 0) _exit(138);
  _exit(137);
}

static int cutClose(sqlite3_file *base) {
  CutFile *handle = (CutFile *)base;
  Durable *file = handle->durable;
  pthread_mutex_lock(&guard);
  /* The last handle gone, the file is forgotten: what it had not synced is treated as durable (a model limit). */
  if (--file->handles == 0) {
    for (Durable **link = &files; *link != NULL; link = &(*link)->next) {
      if (*link == file) {
        *link = file->next;
        break;
      }
    }
    free(file->slots);
    free(file->path);
    free(file);
  }
  pthread_mutex_unlock(&guard);
  return handle->real->pMethods->xClose(handle->real);
}

static int cutRead(sqlite3_file *base, void *buffer, int amount, sqlite3_int64 offset) {
  CutFile *file = (CutFile *)base;
  return file->real->pMethods->xRead(file->real, buffer, amount, offset);
}

static int cutWrite(sqlite3_file *base, const void *buffer, int amount, sqlite3_int64 offset) {
  CutFile *file = (CutFile *)base;
  pthread_mutex_lock(&guard);
  int rc = remember(file, offset, amount);
  if (rc == SQLITE_OK) rc = file->real->pMethods->xWrite(file->real, buffer, amount, offset);
  writes++;
  if (cutAfter > 0 && writes >= cutAfter) cutPower();
  pthread_mutex_unlock(&guard);
  return rc;
}

static int cutTruncate(sqlite3_file *base, sqlite3_int64 size) {
  CutFile *handle = (CutFile *)base;
  Durable *file = handle->durable;
  pthread_mutex_lock(&guard);
  int rc = handle->real->pMethods->xTruncate(handle->real, size);
  if (rc == SQLITE_OK) {
    /* Sectors past the new end are gone; open addressing cannot drop entries in place, so the table is rebuilt. */
    Sector *previous = file->slots;
    size_t capacity = file->capacity;
    file->slots = NULL;
    file->capacity = 0;
    file->used = 0;
    if (grow(file) == SQLITE_OK) {
      for (size_t i = 0; i < capacity; i++) {
        Sector *slot = &previous[i];
        if (slot->index == -1 || slot->index * SECTOR >= size) continue;
        if ((file->used + 1) * 2 > file->capacity) grow(file);
        *findSlot(file, slot->index) = *slot;
        file->used++;
      }
    }
    free(previous);
    if (file->syncedSize > size) file->syncedSize = size;
  }
  pthread_mutex_unlock(&guard);
  return rc;
}

static int cutSync(sqlite3_file *base, int flags) {
  CutFile *handle = (CutFile *)base;
  (void)flags;
  pthread_mutex_lock(&guard);
  forgetUnsynced(handle->durable);
  sqlite3_int64 size = 0;
  int rc = handle->real->pMethods->xFileSize(handle->real, &size);
  if (rc == SQLITE_OK) handle->durable->syncedSize = size;
  pthread_mutex_unlock(&guard);
  return rc;
}

static int cutFileSize(sqlite3_file *base, sqlite3_int64 *size) {
  CutFile *file = (CutFile *)base;
  return file->real->pMethods->xFileSize(file->real, size);
}

static int cutLock(sqlite3_file *base, int level) {
  CutFile *file = (CutFile *)base;
  return file->real->pMethods->xLock(file->real, level);
}

static int cutUnlock(sqlite3_file *base, int level) {
  CutFile *file = (CutFile *)base;
  return file->real->pMethods->xUnlock(file->real, level);
}

static int cutCheckReservedLock(sqlite3_file *base, int *out) {
  CutFile *file = (CutFile *)base;
  return file->real->pMethods->xCheckReservedLock(file->real, out);
}

static int cutFileControl(sqlite3_file *base, int op, void *arg) {
  CutFile *file = (CutFile *)base;
  return file->real->pMethods->xFileControl(file->real, op, arg);
}

static int cutSectorSize(sqlite3_file *base) {
  CutFile *file = (CutFile *)base;
  return file->real->pMethods->xSectorSize(file->real);
}

static int cutDeviceCharacteristics(sqlite3_file *base) {
  CutFile *file = (CutFile *)base;
  return file->real->pMethods->xDeviceCharacteristics(file->real);
}

static int cutShmMap(sqlite3_file *base, int region, int size, int extend, void volatile **out) {
  CutFile *file = (CutFile *)base;
  return file->real->pMethods->xShmMap(file->real, region, size, extend, out);
}

static int cutShmLock(sqlite3_file *base, int offset, int n, int flags) {
  CutFile *file = (CutFile *)base;
  return file->real->pMethods->xShmLock(file->real, offset, n, flags);
}

static void cutShmBarrier(sqlite3_file *base) {
  CutFile *file = (CutFile *)base;
  file->real->pMethods->xShmBarrier(file->real);
}

static int cutShmUnmap(sqlite3_file *base, int deleteFlag) {
  CutFile *file = (CutFile *)base;
  return file->real->pMethods->xShmUnmap(file->real, deleteFlag);
}

/* Reads through a memory map would bypass nothing here (writes already reached the file), but SQLite must
 * not write through one either: refusing xFetch keeps every write on xWrite. */
static int cutFetch(sqlite3_file *base, sqlite3_int64 offset, int amount, void **out) {
  (void)base;
  (void)offset;
  (void)amount;
  *out = NULL;
  return SQLITE_OK;
}

static int cutUnfetch(sqlite3_file *base, sqlite3_int64 offset, void *page) {
  (void)base;
  (void)offset;
  (void)page;
  return SQLITE_OK;
}

static const sqlite3_io_methods cutMethods = {
    3,
    cutClose,
    cutRead,
    cutWrite,
    cutTruncate,
    cutSync,
    cutFileSize,
    cutLock,
    cutUnlock,
    cutCheckReservedLock,
    cutFileControl,
    cutSectorSize,
    cutDeviceCharacteristics,
    cutShmMap,
    cutShmLock,
    cutShmBarrier,
    cutShmUnmap,
    cutFetch,
    cutUnfetch,
};

static int cutOpen(sqlite3_vfs *vfs, sqlite3_filename name, sqlite3_file *base, int flags, int *outFlags) {
  CutFile *handle = (CutFile *)base;
  (void)vfs;
  memset(handle, 0, sizeof(CutFile));
  handle->real = (sqlite3_file *)&handle[1];
  int rc = underlying->xOpen(underlying, name, handle->real, flags, outFlags);
  if (rc != SQLITE_OK) {
    handle->base.pMethods = NULL;
    return rc;
  }
  pthread_mutex_lock(&guard);
  Durable *file = NULL;
  for (Durable *known = files; name != NULL && known != NULL; known = known->next) {
    if (known->path != NULL && strcmp(known->path, name) == 0) file = known;
  }
  if (file == NULL) {
    file = calloc(1, sizeof(Durable));
    if (file == NULL || grow(file) != SQLITE_OK || (name != NULL && (file->path = strdup(name)) == NULL)) {
      if (file) free(file->slots);
      free(file);
      pthread_mutex_unlock(&guard);
      handle->real->pMethods->xClose(handle->real);
      handle->base.pMethods = NULL;
      return SQLITE_NOMEM;
    }
    if (handle->real->pMethods->xFileSize(handle->real, &file->syncedSize) != SQLITE_OK) file->syncedSize = 0;
    file->next = files;
    files = file;
  }
  file->handles++;
  handle->durable = file;
  pthread_mutex_unlock(&guard);
  handle->base.pMethods = &cutMethods;
  return SQLITE_OK;
}

static int cutDelete(sqlite3_vfs *vfs, const char *name, int syncDir) {
  (void)vfs;
  return underlying->xDelete(underlying, name, syncDir);
}

static int cutAccess(sqlite3_vfs *vfs, const char *name, int flags, int *out) {
  (void)vfs;
  return underlying->xAccess(underlying, name, flags, out);
}

static int cutFullPathname(sqlite3_vfs *vfs, const char *name, int size, char *out) {
  (void)vfs;
  return underlying->xFullPathname(underlying, name, size, out);
}

static void *cutDlOpen(sqlite3_vfs *vfs, const char *name) {
  (void)vfs;
  return underlying->xDlOpen(underlying, name);
}

static void cutDlError(sqlite3_vfs *vfs, int size, char *out) {
  (void)vfs;
  underlying->xDlError(underlying, size, out);
}

static void (*cutDlSym(sqlite3_vfs *vfs, void *handle, const char *symbol))(void) {
  (void)vfs;
  return underlying->xDlSym(underlying, handle, symbol);
}

static void cutDlClose(sqlite3_vfs *vfs, void *handle) {
  (void)vfs;
  underlying->xDlClose(underlying, handle);
}

static int cutRandomness(sqlite3_vfs *vfs, int size, char *out) {
  (void)vfs;
  return underlying->xRandomness(underlying, size, out);
}

static int cutSleep(sqlite3_vfs *vfs, int microseconds) {
  (void)vfs;
  return underlying->xSleep(underlying, microseconds);
}

static int cutCurrentTime(sqlite3_vfs *vfs, double *out) {
  (void)vfs;
  return underlying->xCurrentTime(underlying, out);
}

static int cutGetLastError(sqlite3_vfs *vfs, int size, char *out) {
  (void)vfs;
  return underlying->xGetLastError ? underlying->xGetLastError(underlying, size, out) : 0;
}

static int cutCurrentTimeInt64(sqlite3_vfs *vfs, sqlite3_int64 *out) {
  (void)vfs;
  return underlying->xCurrentTimeInt64(underlying, out);
}

static sqlite3_vfs powercutVfs = {
    .iVersion = 2,
    .zName = "powercut",
    .xOpen = cutOpen,
    .xDelete = cutDelete,
    .xAccess = cutAccess,
    .xFullPathname = cutFullPathname,
    .xDlOpen = cutDlOpen,
    .xDlError = cutDlError,
    .xDlSym = cutDlSym,
    .xDlClose = cutDlClose,
    .xRandomness = cutRandomness,
    .xSleep = cutSleep,
    .xCurrentTime = cutCurrentTime,
    .xGetLastError = cutGetLastError,
    .xCurrentTimeInt64 = cutCurrentTimeInt64,
};

#ifdef _WIN32
__declspec(dllexport)
#endif
int sqlite3_powercut_init(sqlite3 *db, char **error, const sqlite3_api_routines *api) {
  SQLITE_EXTENSION_INIT2(api);
  (void)db;
  (void)error;
  if (sqlite3_vfs_find("powercut") == NULL) {
    underlying = sqlite3_vfs_find(NULL);
    if (underlying == NULL) return SQLITE_ERROR;
    const char *after = getenv("POWERCUT_AFTER_WRITES");
    const char *seed = getenv("POWERCUT_SEED");
    cutAfter = after ? atoll(after) : 0;
    if (seed && atoll(seed) != 0) randomState = (unsigned long long)atoll(seed);
    powercutVfs.szOsFile = (int)sizeof(CutFile) + underlying->szOsFile;
    powercutVfs.mxPathname = underlying->mxPathname;
    int rc = sqlite3_vfs_register(&powercutVfs, 1);
    if (rc != SQLITE_OK) return rc;
  }
  /* The VFS must outlive the connection that loaded it. */
  return SQLITE_OK_LOAD_PERMANENTLY;
}
