#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Writes the Asterisk queue_log fixtures from one list of events, in the shapes Asterisk and its
realtime backend produce (asterisk apps/app_queue.c ast_queue_log() calls, main/logger.c):

  queue_log           the file: epoch|callid|queuename|agent|event|data1|data2|...
  queue_log_table.csv the realtime table exported as CSV, time as a datetime, data1..data5
  queue_log_data.csv  the same table with one `data` column ('|'-joined)
  queue_log_qm.csv    the table QueueMetrics (and VICIdial's QueueMetrics logging) keeps, exported
                      as CSV: partition, time_id (epoch seconds), call_id, queue, agent, verb,
                      data1..data5, serverid, unique_row_count

Run from this directory: python3 make_queue_log.py
"""
import csv
import datetime

T0 = 1795795200  # 2026-11-27 16:00:00 UTC

# (seconds after T0, callid, queue, agent, event, data...)
EVENTS = [
    (0, "NONE", "NONE", "NONE", "QUEUESTART", ""),
    (1, "NONE", "support", "PJSIP/1001", "ADDMEMBER", ""),
    (2, "1795795202.11", "NONE", "Agent/1001", "AGENTLOGIN", "PJSIP/1001-00000001"),
    (3, "NONE", "support", "PJSIP/1001", "UNPAUSE", ""),
    # 1: answered, the agent hangs up.
    (10, "1795795210.1", "support", "NONE", "ENTERQUEUE", "", "5551230001", "1"),
    (14, "1795795210.1", "support", "PJSIP/1001", "RINGNOANSWER", "4000"),
    (20, "1795795210.1", "support", "PJSIP/1002", "CONNECT", "10", "1795795220.2", "6"),
    (95, "1795795210.1", "support", "PJSIP/1002", "COMPLETEAGENT", "10", "75", "1"),
    # 2: answered, the caller hangs up.
    (30, "1795795230.3", "support", "NONE", "ENTERQUEUE", "", "5551230002", "1", "Ann Caller"),
    (35, "1795795230.3", "support", "PJSIP/1001", "CONNECT", "5", "1795795235.4", "3"),
    (130, "1795795230.3", "support", "PJSIP/1001", "COMPLETECALLER", "5", "95", "1"),
    # 3: the caller gives up while a member rings, then ABANDON (one call, not two).
    (40, "1795795240.5", "sales", "NONE", "ENTERQUEUE", "", "5551230003", "1"),
    (52, "1795795240.5", "sales", "PJSIP/1003", "RINGCANCELED", "7012"),
    (52, "1795795240.5", "sales", "NONE", "ABANDON", "1", "1", "12"),
    # 4: the caller presses 0 to leave the queue.
    (60, "1795795260.6", "sales", "NONE", "ENTERQUEUE", "", "5551230004", "2"),
    (75, "1795795260.6", "sales", "NONE", "EXITWITHKEY", "0", "1", "2", "15"),
    # 5: timeout, then the dialplan sends the same callid to another queue, where it is answered.
    (70, "1795795270.7", "sales", "NONE", "ENTERQUEUE", "", "5551230005", "1"),
    (130, "1795795270.7", "sales", "NONE", "EXITWITHTIMEOUT", "1", "1", "60"),
    (131, "1795795270.7", "overflow", "NONE", "ENTERQUEUE", "", "5551230005", "1"),
    (140, "1795795270.7", "overflow", "PJSIP/1004", "CONNECT", "9", "1795795340.8", "2"),
    (200, "1795795270.7", "overflow", "PJSIP/1004", "COMPLETECALLER", "9", "60", "1"),
    # 6: no reachable members.
    (80, "1795795280.9", "night", "NONE", "ENTERQUEUE", "", "5551230006", "1"),
    (81, "1795795280.9", "night", "NONE", "EXITEMPTY", "1", "1", "1"),
    # 7: withdrawn by AMI QueueWithdrawCaller.
    (90, "1795795290.10", "support", "NONE", "ENTERQUEUE", "", "5551230007", "1"),
    (99, "1795795290.10", "support", "NONE", "WITHDRAW", "1", "1", "9", "callback offered"),
    # 8: the member hangs up during the announcement.
    (100, "1795795300.12", "support", "NONE", "ENTERQUEUE", "", "5551230008", "1"),
    (108, "1795795300.12", "support", "PJSIP/1002", "AGENTDUMP", ""),
    # 9: channels not compatible.
    (110, "1795795310.13", "support", "NONE", "ENTERQUEUE", "", "5551230009", "1"),
    (112, "1795795310.13", "support", "PJSIP/1005", "SYSCOMPAT", ""),
    # 10-12: transfers.
    (120, "1795795320.14", "support", "NONE", "ENTERQUEUE", "", "5551230010", "1"),
    (125, "1795795320.14", "support", "PJSIP/1001", "CONNECT", "5", "1795795325.15", "2"),
    (180, "1795795320.14", "support", "PJSIP/1001", "BLINDTRANSFER", "2000", "from-internal", "5", "55", "1"),
    (121, "1795795321.16", "support", "NONE", "ENTERQUEUE", "", "5551230011", "1"),
    (126, "1795795321.16", "support", "PJSIP/1003", "CONNECT", "5", "1795795326.17", "2"),
    (190, "1795795321.16", "support", "PJSIP/1003", "ATTENDEDTRANSFER", "BRIDGE", "1795795380.18", "5", "64", "1"),
    (122, "1795795322.19", "support", "NONE", "ENTERQUEUE", "", "5551230012", "1"),
    (127, "1795795322.19", "support", "PJSIP/1004", "CONNECT", "5", "1795795327.20", "2"),
    (191, "1795795322.19", "support", "PJSIP/1004", "TRANSFER", "2001", "from-internal", "5", "64", "1"),
    # 13: an outbound call logged by QueueUpdate(): an outcome, no party.
    (140, "1795795340.21", "outbound", "PJSIP/1002", "OUTCALL", "ANSWER", "42", "campaign=7"),
    # 14-19: Wazo's own exit rows.
    (150, "1795795350.22", "support", "NONE", "FULL", ""),
    (151, "1795795351.23", "support", "NONE", "JOINEMPTY", ""),
    (152, "1795795352.24", "support", "NONE", "ENTERQUEUE", "", "5551230024", "1"),
    (160, "1795795352.24", "support", "NONE", "LEAVEEMPTY", ""),
    (153, "1795795353.25", "support", "NONE", "CLOSED", ""),
    (154, "1795795354.26", "support", "NONE", "DIVERT_CA_RATIO", ""),
    (155, "1795795355.27", "support", "NONE", "DIVERT_HOLDTIME", ""),
    # 20: answered and not over when the log ends.
    (170, "1795795370.28", "support", "NONE", "ENTERQUEUE", "", "5551230028", "1"),
    (175, "1795795370.28", "support", "PJSIP/1005", "CONNECT", "5", "1795795375.29", "3"),
    # 21: still waiting.
    (176, "1795795376.30", "support", "NONE", "ENTERQUEUE", "", "5551230030", "1"),
    (182, "1795795376.30", "support", "PJSIP/1001", "RINGNOANSWER", "6000"),
    # 22: RINGCANCELED without the ABANDON that normally follows.
    (177, "1795795377.31", "sales", "NONE", "ENTERQUEUE", "", "5551230031", "1"),
    (183, "1795795377.31", "sales", "PJSIP/1003", "RINGCANCELED", "5000"),
    # A dialer's own verbs: one on no call, one alone on a callid (kept raw), one after a known end.
    (185, "NONE", "NONE", "PJSIP/1001", "PAUSEREASON", "LUNCH"),
    (186, "1795795386.32", "outbound", "PJSIP/1002", "CALLSTATUS", "DROP"),
    (187, "1795795210.1", "support", "PJSIP/1002", "CALLSTATUS", "SALE"),
    (190, "NONE", "support", "PJSIP/1001", "PAUSE", "break"),
    (191, "NONE", "support", "PJSIP/1001", "REMOVEMEMBER", ""),
    (192, "1795795202.11", "NONE", "Agent/1001", "AGENTLOGOFF", "PJSIP/1001-00000001", "190"),
]


def pipe_line(event):
    seconds, callid, queue, agent, name, *data = event
    return "|".join([str(T0 + seconds), callid, queue, agent, name, *data])


def main():
    with open("queue_log", "w", newline="\n") as out:
        for event in EVENTS:
            out.write(pipe_line(event) + "\n")
    with open("queue_log_table.csv", "w", newline="") as out:
        writer = csv.writer(out, lineterminator="\r\n")
        writer.writerow(["time", "callid", "queuename", "agent", "event", "data1", "data2", "data3", "data4", "data5"])
        for seconds, callid, queue, agent, name, *data in EVENTS:
            when = datetime.datetime.fromtimestamp(T0 + seconds, datetime.timezone.utc)
            data = (list(data) + [""] * 5)[:5]
            writer.writerow([when.strftime("%Y-%m-%d %H:%M:%S.000000"), callid, queue, agent, name, *data])
    with open("queue_log_data.csv", "w", newline="") as out:
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(["time", "callid", "queuename", "agent", "event", "data"])
        for seconds, callid, queue, agent, name, *data in EVENTS[4:22]:
            writer.writerow([T0 + seconds, callid, queue, agent, name, "|".join(data)])
    with open("queue_log_qm.csv", "w", newline="") as out:
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(["partition", "time_id", "call_id", "queue", "agent", "verb", "data1", "data2", "data3",
                         "data4", "data5", "serverid", "unique_row_count"])
        for row, (seconds, callid, queue, agent, name, *data) in enumerate(EVENTS, start=1):
            data = (list(data) + [""] * 5)[:5]
            writer.writerow(["P001", T0 + seconds, callid, queue, agent, name, *data, "1", row])


if __name__ == "__main__":
    main()
