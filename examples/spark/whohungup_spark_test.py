# SPDX-License-Identifier: MIT
"""Unit tests of the Spark job's own rules (grouping, names), without Spark:
python3 -m unittest discover -s examples/spark -p '*_test.py' (tests/e2e/spark_test.sh runs them)."""

import gzip
import os
import re
import sys
import unittest
import zlib

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import whohungup_spark as job  # noqa: E402  (the job is a script, not a package)

AGENT = "8c1e2d4f-5b6a-4c7d-9e8f-0a1b2c3d4e5f"
CCP_LOG = ('[\n  {"component": "ccp", "text": "Agent configuration", "objects": [{"agentResourceId": "%s"}]}\n]\n'
           % AGENT).encode()


class AgentOfCcpLog(unittest.TestCase):
    def test_agent_from_the_first_entries(self):
        self.assertEqual(job.ccp_agent_id(CCP_LOG), AGENT)

    def test_byte_order_mark_and_space_before_the_array(self):
        self.assertEqual(job.ccp_agent_id(b"\xef\xbb\xbf \r\n" + CCP_LOG), AGENT)

    def test_a_key_without_a_string_value_is_passed_over(self):
        head = b'[{"agentResourceId": null}, {"agentResourceId" :\n "a-2"}]'
        self.assertEqual(job.ccp_agent_id(head), "a-2")

    def test_an_empty_value_is_passed_over(self):
        self.assertEqual(job.ccp_agent_id(b'[{"agentResourceId": ""}, {"agentResourceId": "a-3"}]'), "a-3")

    def test_not_an_array_has_no_agent(self):
        self.assertIsNone(job.ccp_agent_id(b'{"agentResourceId": "%s"}' % AGENT.encode()))

    def test_an_array_without_the_key_has_no_agent(self):
        self.assertIsNone(job.ccp_agent_id(b'[{"text": "Sending heartbeat"}]'))

    def test_only_the_sniffed_head_counts(self):
        late = b"[" + b" " * job.SNIFF_BYTES + b'{"agentResourceId": "late"}]'
        self.assertIsNone(job.ccp_agent_id(job.head_of(late)))


class HeadOfFile(unittest.TestCase):
    def test_gzip_is_read_by_content(self):
        self.assertEqual(job.head_of(gzip.compress(CCP_LOG)), CCP_LOG)

    def test_gzip_head_is_capped(self):
        big = gzip.compress(b"[" + b" " * (4 * job.SNIFF_BYTES) + b"]")
        self.assertEqual(len(job.head_of(big)), job.SNIFF_BYTES)

    def test_broken_gzip_has_an_empty_head(self):
        self.assertEqual(job.head_of(b"\x1f\x8b\x08\x00garbage"), b"")

    def test_zlib_stream_is_not_gzip(self):
        packed = zlib.compress(CCP_LOG)
        self.assertEqual(job.head_of(packed), packed)


class LocalName(unittest.TestCase):
    def test_object_storage_keeps_the_bucket(self):
        self.assertEqual(job.local_name("s3a://logs/agents/a/agent-log.txt"), "logs/agents/a/agent-log.txt")

    def test_local_file_loses_the_root(self):
        self.assertEqual(job.local_name("file:/data/ctr/2026/11/20/x.json"), "data/ctr/2026/11/20/x.json")

    def test_dots_inside_a_name_are_kept(self):
        self.assertEqual(job.local_name("file:/..logs/x.txt"), "..logs/x.txt")

    def test_hdfs_keeps_the_name_node(self):
        self.assertEqual(job.local_name("hdfs://nn:8020/logs/x.txt"), "nn:8020/logs/x.txt")

    def test_no_name_outside_the_work_directory(self):
        for uri in ("file:/../etc/passwd", "file:/a/../../b", "file:/", "s3a://"):
            with self.assertRaises(ValueError, msg=uri):
                job.local_name(uri)


class GroupKey(unittest.TestCase):
    DAY = re.compile(r"ctr/([0-9]{4}/[0-9]{2}/[0-9]{2})/")

    def test_ccp_logs_of_one_agent_share_a_key_wherever_they_lie(self):
        first = job.group_key("s3a://b/agents/x/2026-11-20/agent-log.txt", CCP_LOG, self.DAY)
        second = job.group_key("s3a://b/elsewhere/agent-log.txt.gz", gzip.compress(CCP_LOG), None)
        self.assertEqual(first, "agent:" + AGENT)
        self.assertEqual(second, first)

    def test_agent_wins_over_group_by(self):
        key = job.group_key("s3a://b/ctr/2026/11/20/09/agent-log.txt", CCP_LOG, self.DAY)
        self.assertEqual(key, "agent:" + AGENT)

    def test_group_by_takes_the_first_group(self):
        records = b'{"ContactId": "c-1"}\n'
        nine = job.group_key("s3a://b/ctr/2026/11/20/09/part-1.jsonl", records, self.DAY)
        five = job.group_key("s3a://b/ctr/2026/11/20/17/part-7.jsonl", records, self.DAY)
        self.assertEqual(nine, "path:2026/11/20")
        self.assertEqual(five, nine)

    def test_group_by_without_a_group_takes_the_match(self):
        key = job.group_key("s3a://b/genesys/2026-11-20.json", b"{}", re.compile(r"[0-9]{4}-[0-9]{2}"))
        self.assertEqual(key, "path:2026-11")

    def test_otherwise_the_directory(self):
        key = job.group_key("s3a://b/genesys/export.csv", b"a,b\n", self.DAY)
        self.assertEqual(key, "dir:s3a://b/genesys")


class RunGroup(unittest.TestCase):
    """With echo standing in for whohungup: the command line a group's run gets."""

    def test_files_by_local_name_in_uri_order(self):
        files = [("s3a://b/z/agent-log.txt", b"[]"), ("s3a://b/a/agent-log.txt", b"[]")]
        out = list(job.run_group("/bin/echo", files))
        self.assertEqual(out, [("out", "--format jsonl --no-progress -- b/a/agent-log.txt b/z/agent-log.txt\n"),
                               ("status", 0)])

    def test_a_file_that_cannot_be_named_is_an_error_and_the_others_still_run(self):
        out = list(job.run_group("/bin/echo", [("file:/../x", b"[]"), ("file:/d/y", b"[]")]))
        self.assertEqual(out[0][0], "err")
        self.assertIn("file:/../x", out[0][1])
        self.assertEqual(out[1:], [("status", 2), ("out", "--format jsonl --no-progress -- d/y\n"), ("status", 0)])


class PartitionOf(unittest.TestCase):
    def test_the_same_on_every_run(self):
        # crc32, not hash(): Python salts the hash of a string per process.
        self.assertEqual(job.partition_of("agent:" + AGENT), zlib.crc32(("agent:" + AGENT).encode()))


if __name__ == "__main__":
    unittest.main()
