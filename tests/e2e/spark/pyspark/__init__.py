# SPDX-License-Identifier: MIT
"""A local stand-in for the few PySpark calls examples/spark/whohungup_spark.py makes, for
machines where the pyspark package (and so Spark) cannot be installed. tests/e2e/spark_test.sh
puts it on PYTHONPATH only when `import pyspark` fails, and says so.

What it keeps of Spark's behaviour, because the job relies on it: binaryFiles yields
("file:/abs/path", bytes) for every file under the inputs (recursively; names starting with "." or
"_" are skipped, as Hadoop's input formats skip them), split into minPartitions partitions;
groupByKey places keys with partitionFunc(key) % numPartitions; the narrow steps of a stage (map,
mapPartitions) run as one task per partition, at most N at once for master local[N] (default 2),
each task a new Python process that gets its steps and partition by cloudpickle, as Spark's Python
workers do, and sees its executor's SparkFiles root, where addFile copied the shipped files (the
driver has one more). What it leaves out: the JVM, reading files on the executors (binaryFiles
reads them on the driver), spilling, and retrying failed tasks.
"""

import glob
import os
import pickle
import re
import shutil
import subprocess
import sys
import tempfile

import cloudpickle


class StorageLevel:
    MEMORY_ONLY = "MEMORY_ONLY"
    MEMORY_AND_DISK = "MEMORY_AND_DISK"


class SparkConf:
    def __init__(self):
        self._settings = {}

    def set(self, key, value):
        self._settings[key] = str(value)
        return self

    def setAppName(self, name):
        return self.set("spark.app.name", name)

    def setMaster(self, master):
        return self.set("spark.master", master)

    def get(self, key, default=None):
        return self._settings.get(key, default)


class SparkFiles:
    _root = None

    @classmethod
    def getRootDirectory(cls):
        return cls._root

    @classmethod
    def get(cls, filename):
        return os.path.join(cls._root, filename)


def _list_files(path):
    """Every file under one input (a file, a directory, or a glob), as Hadoop lists them."""
    found = []
    for match in sorted(glob.glob(path)) or [path]:
        if os.path.isfile(match):
            found.append(os.path.abspath(match))
            continue
        if not os.path.isdir(match):
            raise FileNotFoundError(f"Input path does not exist: file:{os.path.abspath(match)}")
        for directory, subdirectories, files in os.walk(match):
            subdirectories[:] = sorted(d for d in subdirectories if not d.startswith((".", "_")))
            found.extend(os.path.abspath(os.path.join(directory, f)) for f in sorted(files)
                         if not f.startswith((".", "_")))
    return found


def _split(items, parts):
    parts = max(1, min(parts, len(items))) if items else 1
    return [items[i::parts] for i in range(parts)]


def _chain(first, then):
    """Two per-partition steps as one, as Spark pipelines narrow transformations in one task."""
    if first is None:
        return then
    return lambda iterator: then(first(iterator))


class RDD:
    """Partitions are computed in stages: a stage's input is materialised on the driver (files
    read, or a shuffle's buckets), then its narrow steps (map, mapPartitions) run in tasks."""

    def __init__(self, context, stage_input, steps=None):
        self._context = context
        self._stage_input = stage_input  # () -> list of partitions (lists), on the driver
        self._steps = steps  # iterator -> iterator, run in a task per partition; None: as is
        self._cached = None
        self._persist = False

    def _partitions(self):
        if self._cached is not None:
            return self._cached
        partitions = self._stage_input()
        if self._steps is not None:
            partitions = self._context._run_tasks(self._steps, partitions)
        if self._persist:
            self._cached = partitions
        return partitions

    def map(self, function):
        return RDD(self._context, self._stage_input, _chain(self._steps, lambda items: map(function, items)))

    def mapPartitions(self, function):
        return RDD(self._context, self._stage_input, _chain(self._steps, function))

    def groupByKey(self, numPartitions=None, partitionFunc=hash):
        partitions = numPartitions or self._context.defaultParallelism

        def shuffle():
            buckets = [dict() for _ in range(partitions)]
            for part in self._partitions():
                for key, value in part:
                    buckets[partitionFunc(key) % partitions].setdefault(key, []).append(value)
            return [list(bucket.items()) for bucket in buckets]

        return RDD(self._context, shuffle)

    def persist(self, storageLevel=StorageLevel.MEMORY_ONLY):
        self._persist = True
        return self

    def unpersist(self, blocking=False):
        self._persist = False
        self._cached = None
        return self

    def count(self):
        return sum(len(part) for part in self._partitions())

    def collect(self):
        return [item for part in self._partitions() for item in part]

    def toLocalIterator(self, prefetchPartitions=False):
        for part in self._partitions():
            yield from part


# A task in a fresh interpreter: (steps, partition, SparkFiles root) unpickled, results pickled.
_TASK_RUNNER = """
import pickle, sys
import pyspark
with open(sys.argv[1], "rb") as handle:
    steps, partition, root = pickle.load(handle)
pyspark.SparkFiles._root = root
with open(sys.argv[2], "wb") as out:
    pickle.dump(list(steps(iter(partition))), out)
"""


class SparkContext:
    def __init__(self, master=None, appName=None, conf=None):
        self._conf = conf or SparkConf()
        master = master or self._conf.get("spark.master") or os.environ.get("MASTER", "local[2]")
        match = re.fullmatch(r"local(?:\[(\d+|\*)\])?", master)
        if not match:
            raise ValueError(f"the stand-in runs master local[N] only, not {master!r}")
        threads = match.group(1) or "1"
        self.defaultParallelism = (os.cpu_count() or 1) if threads == "*" else int(threads)
        self._scratch = tempfile.mkdtemp(prefix="pyspark-stand-in-")
        self._executor_roots = []
        for index in range(self.defaultParallelism):
            root = os.path.join(self._scratch, f"executor-{index}")
            os.makedirs(root)
            self._executor_roots.append(root)
        SparkFiles._root = os.path.join(self._scratch, "driver")
        os.makedirs(SparkFiles._root)

    def getConf(self):
        return self._conf

    def setLogLevel(self, level):
        pass

    def addFile(self, path, recursive=False):
        """Copies to every executor and the driver, executable, as Spark's Utils.fetchFile does."""
        for root in [SparkFiles._root] + self._executor_roots:
            target = os.path.join(root, os.path.basename(path))
            shutil.copyfile(path, target)
            os.chmod(target, 0o755)

    def binaryFiles(self, path, minPartitions=None):
        def compute():
            files = [name for one in path.split(",") for name in _list_files(one)]
            records = []
            for name in files:
                with open(name, "rb") as handle:
                    records.append(("file:" + name, handle.read()))
            return _split(records, minPartitions or self.defaultParallelism)

        return RDD(self, compute)

    def _run_tasks(self, steps, partitions):
        """Runs every partition through steps, defaultParallelism tasks at a time, each in a new
        Python process that gets the steps by cloudpickle, as Spark's Python workers do."""
        environment = dict(os.environ)
        environment["PYTHONPATH"] = os.pathsep.join(
            [os.path.dirname(os.path.dirname(os.path.abspath(__file__)))] + sys.path)
        results = [None] * len(partitions)
        pending = list(enumerate(partitions))
        running = []
        while pending or running:
            while pending and len(running) < self.defaultParallelism:
                index, partition = pending.pop(0)
                root = self._executor_roots[index % self.defaultParallelism]
                task_path = os.path.join(self._scratch, f"task-{index}.in")
                result_path = os.path.join(self._scratch, f"task-{index}.out")
                with open(task_path, "wb") as handle:
                    cloudpickle.dump((steps, partition, root), handle)
                process = subprocess.Popen([sys.executable, "-c", _TASK_RUNNER, task_path, result_path],
                                           env=environment)
                running.append((index, process, task_path, result_path))
            index, process, task_path, result_path = running.pop(0)
            if process.wait() != 0:
                raise RuntimeError(f"task {index} failed (exit code {process.returncode})")
            with open(result_path, "rb") as handle:
                results[index] = pickle.load(handle)
            os.remove(task_path)
            os.remove(result_path)
        return results

    def stop(self):
        shutil.rmtree(self._scratch, ignore_errors=True)
