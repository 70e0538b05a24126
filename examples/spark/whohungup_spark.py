#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""whohungup on Apache Spark: one verdict per call over logs and exports too many for one machine.

Map: every input file (any Hadoop file system: file://, hdfs://, s3a://) is read by an executor,
files that must be read together are grouped into one task (one agent's CCP logs, found by the
agentResourceId in the file's first 64 KiB as whohungup itself does; other files by --group-by or
by their directory), and the whohungup binary, shipped to the executors with SparkContext.addFile,
turns each group into JSON Lines verdicts. Reduce: the driver streams every group's verdicts into
one more whohungup run that reads its own JSON Lines (format whohungup-jsonl), so the summary
(and every stage that works on merged verdicts) sees the whole batch at once.

    spark-submit --master local[2] examples/spark/whohungup_spark.py \
        --binary build/release/whohungup --summary summary.txt logs/

The README's section "Beyond one machine" shows a cluster run (spark-submit, object storage).
Exit status is whohungup's: 0 calls reported, 1 none found, 2 an input could not be read.
"""

import argparse
import os
import re
import shutil
import stat
import subprocess
import sys
import tempfile
import zlib
from urllib.parse import urlparse

# whohungup decides a file's format and group from the same number of leading bytes.
SNIFF_BYTES = 64 << 10
AGENT_ID = re.compile(rb'"agentResourceId"[\s:]*"([^"]+)"')
GZIP_MAGIC = b"\x1f\x8b"


def head_of(content):
    """The first SNIFF_BYTES of a file as whohungup sees them (gzip is read by content)."""
    if content.startswith(GZIP_MAGIC):
        try:
            return zlib.decompressobj(wbits=16 + zlib.MAX_WBITS).decompress(content[: SNIFF_BYTES * 4], SNIFF_BYTES)
        except zlib.error:
            return b""  # a broken gzip stream: whohungup reports it; its group does not matter
    return content[:SNIFF_BYTES]


def ccp_agent_id(head):
    """The agent of a CCP log (a JSON array of entries), or None: mirrors ccp_log_group_key()."""
    body = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if not body.startswith(b"["):
        return None
    match = AGENT_ID.search(body)
    return match.group(1).decode("utf-8", "replace") if match else None


def local_name(uri):
    """The name a file gets on the executor, and so in the verdicts' input fields: the URI
    without its scheme (s3a://bucket/day/log.txt -> bucket/day/log.txt, file:/data/x -> data/x)."""
    parsed = urlparse(uri)
    name = os.path.normpath((parsed.netloc + "/" + parsed.path).lstrip("/"))
    if name in (".", "..") or name.startswith("../"):
        raise ValueError(f"cannot name input {uri!r} inside a work directory")
    return name


def group_key(uri, content, group_by):
    """Files with one key are read in one whohungup run. One agent's CCP logs always share a key
    (overlapping downloads give one verdict per call only when read together); other files are
    grouped by the first group of --group-by matched in the URI (e.g. the day of contact-record
    files), else by their directory."""
    agent = ccp_agent_id(head_of(content))
    if agent is not None:
        return "agent:" + agent
    if group_by is not None:
        match = group_by.search(uri)
        if match:
            return "path:" + (match.group(1) if match.groups() else match.group(0))
    return "dir:" + uri.rsplit("/", 1)[0]


def partition_of(key):
    """Deterministic on every executor and Python version, unlike hash() of a string."""
    return zlib.crc32(key.encode("utf-8"))


def executable(path):
    """The shipped binary, executable (a file system may drop the mode bits on the way)."""
    if os.access(path, os.X_OK):
        return path
    try:
        os.chmod(path, os.stat(path).st_mode | stat.S_IXUSR | stat.S_IXGRP | stat.S_IXOTH)
        return path
    except OSError:
        copy = os.path.join(tempfile.mkdtemp(prefix="whohungup-bin-"), os.path.basename(path))
        shutil.copy(path, copy)
        os.chmod(copy, 0o755)
        return copy


def run_group(binary, files):
    """Writes one group's files under a scratch directory, by their local names, and runs
    whohungup over them. Yields ("out", verdict line), ("err", message line), ("status", code)."""
    work = tempfile.mkdtemp(prefix="whohungup-group-")
    try:
        names = []
        for uri, content in sorted(files, key=lambda file: file[0]):
            try:
                name = local_name(uri)
            except ValueError as error:
                yield ("err", f"whohungup_spark: {uri}: error: {error}\n")
                yield ("status", 2)
                continue
            os.makedirs(os.path.join(work, os.path.dirname(name)), exist_ok=True)
            with open(os.path.join(work, name), "wb") as out:
                out.write(content)
            names.append(name)
        with tempfile.TemporaryFile() as errors:
            command = [binary, "--format", "jsonl", "--no-progress", "--"] + names
            with subprocess.Popen(command, cwd=work, stdout=subprocess.PIPE, stderr=errors) as child:
                for line in child.stdout:
                    yield ("out", line.decode("utf-8", "replace"))
            errors.seek(0)
            for line in errors:
                yield ("err", line.decode("utf-8", "replace"))
        yield ("status", child.returncode)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def map_partition(binary_name, groups):
    """The map task: every group of this partition, one at a time (so a task holds one group's
    files, not the partition's). Groups come in shuffle order: verdicts of different groups have
    no set order, those of one group keep whohungup's."""
    from pyspark import SparkFiles  # on the executor, where the binary was shipped

    binary = executable(SparkFiles.get(binary_name))
    for _key, files in groups:
        yield from run_group(binary, list(files))


def ship_binary(sc, path):
    """Makes the binary reach every executor, where map_partition finds it by name with
    SparkFiles.get, and returns (name, the driver's copy or None). A file given to spark-submit
    --files (spark.files; spark.yarn.dist.files on YARN) is shipped already; else the driver-side
    path is added with SparkContext.addFile."""
    from pyspark import SparkFiles

    name = os.path.basename(path)
    conf = sc.getConf()
    shipped = {os.path.basename(uri) for key in ("spark.files", "spark.yarn.dist.files")
               for uri in conf.get(key, "").split(",") if uri}
    if name not in shipped:
        if not os.path.isfile(path):
            return name, None
        sc.addFile(os.path.abspath(path))
    for candidate in (path, SparkFiles.get(name), shutil.which(name)):
        if candidate and os.path.isfile(candidate):
            return name, candidate
    return name, None


def reduce_verdicts(binary, merged_path, extra_args, output):
    """One whohungup run over the merged verdicts (read back as format whohungup-jsonl)."""
    with open(merged_path, "rb") as merged, open_output(output) as out:
        command = [binary, "--input-format", "whohungup-jsonl", "--no-progress"] + extra_args + ["-"]
        return subprocess.run(command, stdin=merged, stdout=out, check=False).returncode


class open_output:
    """A file to write, or stdout for "-" (left open)."""

    def __init__(self, path):
        self.path = path
        self.file = None

    def __enter__(self):
        if self.path == "-":
            sys.stdout.flush()
            return sys.stdout.buffer
        self.file = open(self.path, "wb")
        return self.file

    def __exit__(self, *exc):
        if self.file is not None:
            self.file.close()
        else:
            sys.stdout.buffer.flush()


def parse_args(argv):
    parser = argparse.ArgumentParser(description="Run whohungup over many files with Apache Spark.")
    parser.add_argument("inputs", nargs="+", help="files, directories (read recursively) or globs, any Hadoop URI")
    parser.add_argument("--binary", default="whohungup",
                        help="whohungup binary for the executors' OS and CPU: a driver-side path (shipped with "
                        "SparkContext.addFile), or the name of a file given to spark-submit --files")
    parser.add_argument("--group-by", type=re.compile, metavar="REGEX",
                        help="files whose URIs give the same first group are read together (CCP logs are "
                        "always grouped by agent); default: by directory")
    parser.add_argument("--partitions", type=int, help="map tasks (default: the cluster's parallelism)")
    parser.add_argument("--verdicts", metavar="FILE", help="write the merged verdicts here ('-': stdout)")
    parser.add_argument("--summary", metavar="FILE", help="write whohungup --summary of the batch here")
    parser.add_argument("--format", choices=["text", "jsonl", "csv"], default="text", help="output format")
    args = parser.parse_args(argv)
    if args.verdicts is None and args.summary is None:
        args.verdicts = "-"
    return args


def main(argv):
    args = parse_args(argv)
    from pyspark import SparkConf, SparkContext, StorageLevel

    conf = SparkConf().setAppName("whohungup")
    # Directories are read recursively, as whohungup reads them.
    conf.set("spark.hadoop.mapreduce.input.fileinputformat.input.dir.recursive", "true")
    sc = SparkContext(conf=conf)
    try:
        binary_name, driver_binary = ship_binary(sc, args.binary)
        if driver_binary is None:
            sys.stderr.write(f"whohungup_spark: {args.binary}: no such file on the driver\n")
            return 2
        partitions = args.partitions or sc.defaultParallelism
        group_by = args.group_by

        files = sc.binaryFiles(",".join(args.inputs), minPartitions=partitions)
        keyed = files.map(lambda item: (group_key(item[0], item[1], group_by), item))
        grouped = keyed.groupByKey(numPartitions=partitions, partitionFunc=partition_of)
        mapped = grouped.mapPartitions(lambda groups: map_partition(binary_name, groups))
        # Every task runs at once (count), then the driver reads the results partition by partition.
        mapped.persist(StorageLevel.MEMORY_AND_DISK)
        mapped.count()

        map_failed = False
        with tempfile.TemporaryDirectory(prefix="whohungup-reduce-") as scratch:
            merged_path = os.path.join(scratch, "verdicts.jsonl")
            with open(merged_path, "w", encoding="utf-8") as merged:
                for kind, value in mapped.toLocalIterator():
                    if kind == "out":
                        merged.write(value)
                    elif kind == "err":
                        sys.stderr.write(value)
                    elif value == 2:
                        map_failed = True  # an input could not be read in full: said on stderr
            mapped.unpersist()
            binary = executable(driver_binary)
            statuses = []
            if args.verdicts is not None:
                statuses.append(reduce_verdicts(binary, merged_path, ["--format", args.format], args.verdicts))
            if args.summary is not None:
                statuses.append(
                    reduce_verdicts(binary, merged_path, ["--summary", "--format", args.format], args.summary))
        return 2 if map_failed or 2 in statuses else statuses[0]
    finally:
        sc.stop()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
