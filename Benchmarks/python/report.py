#!/usr/bin/env python3
"""The weekly report as a team would script it today: the same snapshot, the same counts
and the same files as `maxcloud-report render --from`, made with pandas and XlsxWriter
(`--engine xlsxwriter`) or with openpyxl alone (`--engine openpyxl`). It exists to be
timed beside the tool by Benchmarks/run.sh; it is not part of the product.

usage: report.py --engine xlsxwriter|openpyxl SNAPSHOT.jsonl OUTDIR [--as-of "YYYY-MM-DD HH:MM:SS"]
"""
import argparse
import csv
import datetime as dt
import json
import os
import sys

BUCKETS = ["0-1d", "1-3d", "3-7d", "7-14d", "14-30d", "30-90d", "90d+", "unknown"]
COLUMNS = ["company_id", "company", "id", "state", "status", "priority", "subject",
           "assigned_to", "created_by", "updated_by", "team_id", "team_name", "created_at",
           "updated_at", "age_days", "age_bucket", "comment_count"]


def read_snapshot(path):
    with open(path, encoding="utf-8") as f:
        header = json.loads(f.readline())
        tickets = [json.loads(line) for line in f if line.strip()]
    return header, tickets


def bucket(age_days):
    if age_days is None:
        return "unknown"
    for bound, name in [(1, "0-1d"), (3, "1-3d"), (7, "3-7d"), (14, "7-14d"), (30, "14-30d"),
                        (90, "30-90d")]:
        if age_days < bound:
            return name
    return "90d+"


def frame(header, tickets, as_of):
    import pandas as pd
    names = {c["id"]: c["name"] for c in header["companies"]}
    df = pd.DataFrame(tickets)
    df["company"] = df["company_id"].map(names)
    df["status"] = df["state"].fillna("").str.lower().eq("closed").map(
        {True: "closed", False: "open"})
    created = pd.to_datetime(df["created_at"], format="%Y-%m-%d %H:%M:%S", errors="coerce")
    df["created"] = created
    df["updated"] = pd.to_datetime(df["updated_at"], format="%Y-%m-%d %H:%M:%S", errors="coerce")
    age = (as_of - created).dt.total_seconds().clip(lower=0) / 86400
    df["age_days"] = age.floordiv(1)
    df["age_bucket"] = [bucket(a) if a == a else "unknown" for a in age]
    df["priority_key"] = df["priority"].map(lambda p: "none" if p != p or p is None else str(int(p)))
    df["assignee_key"] = df["assigned_to"].fillna("").replace("", "(unassigned)")
    df["state_key"] = df["state"].fillna("").str.lower().replace("", "(none)")
    return df


def counts(df, key):
    table = df.groupby([key, "status"]).size().unstack(fill_value=0)
    for column in ("open", "closed"):
        if column not in table:
            table[column] = 0
    table["total"] = table["open"] + table["closed"]
    return table[["open", "closed", "total"]]


def summary(df, as_of):
    dims = {
        "by_company": counts(df, "company"), "by_priority": counts(df, "priority_key"),
        "by_assignee": counts(df, "assignee_key").sort_values("open", ascending=False),
        "by_state": counts(df, "state_key").sort_values("total", ascending=False),
        "by_age": counts(df, "age_bucket").reindex(BUCKETS, fill_value=0),
    }
    result = {
        "as_of": as_of.isoformat(),
        "totals": {"tickets": int(len(df)), "open": int((df["status"] == "open").sum()),
                   "closed": int((df["status"] == "closed").sum())},
    }
    for name, table in dims.items():
        result[name] = [{"key": str(k), "open": int(r.open), "closed": int(r.closed),
                         "total": int(r.total)} for k, r in table.iterrows()]
    return result, dims


def write_text_outputs(df, result, out):
    with open(os.path.join(out, "summary.json"), "w", encoding="utf-8") as f:
        json.dump(result, f, ensure_ascii=False, indent=2)
    guarded = df[COLUMNS].copy()
    for column in ("subject", "company", "assigned_to", "created_by", "updated_by", "team_name",
                   "state"):
        guarded[column] = guarded[column].map(
            lambda v: "'" + v if isinstance(v, str) and v[:1] in ("=", "+", "-", "@", "\t", "\r")
            else v)
    guarded.to_csv(os.path.join(out, "tickets.csv"), index=False, encoding="utf-8-sig",
                   lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    with open(os.path.join(out, "summary.csv"), "w", encoding="utf-8-sig", newline="") as f:
        writer = csv.writer(f, lineterminator="\r\n")
        writer.writerow(["dimension", "key", "open", "closed", "total"])
        for name in ("by_company", "by_priority", "by_assignee", "by_state", "by_age"):
            for row in result[name]:
                writer.writerow([name[3:], row["key"], row["open"], row["closed"], row["total"]])
    lines = [f"# MaxCloud ticket report", "", f"As of {result['as_of']}", ""]
    for name in ("by_company", "by_priority", "by_assignee", "by_state", "by_age"):
        lines += [f"## {name}", "", "| key | open | closed | total |", "|---|---:|---:|---:|"]
        lines += [f"| {r['key']} | {r['open']} | {r['closed']} | {r['total']} |"
                  for r in result[name]]
        lines.append("")
    with open(os.path.join(out, "report.md"), "w", encoding="utf-8") as f:
        f.write("\n".join(lines))
    import pandas as pd
    html = "".join(f"<h2>{n}</h2>" + pd.DataFrame(result[n]).to_html(index=False)
                   for n in ("by_company", "by_priority", "by_assignee", "by_state", "by_age"))
    with open(os.path.join(out, "report.html"), "w", encoding="utf-8") as f:
        f.write(f"<!DOCTYPE html><html><head><meta charset='utf-8'></head><body>{html}</body></html>")


def workbook_xlsxwriter(df, dims, out):
    import pandas as pd
    path = os.path.join(out, "report.xlsx")
    with pd.ExcelWriter(path, engine="xlsxwriter",
                        datetime_format="yyyy-mm-dd hh:mm:ss") as writer:
        book = writer.book
        for name, table in dims.items():
            sheet_name = "By " + name[3:].capitalize()
            table.to_excel(writer, sheet_name=sheet_name)
        chart = book.add_chart({"type": "column", "subtype": "stacked"})
        rows = len(dims["by_company"])
        for col, label in ((1, "open"), (2, "closed")):
            chart.add_series({"name": label, "categories": ["By Company", 1, 0, rows, 0],
                              "values": ["By Company", 1, col, rows, col]})
        summary_sheet = book.add_worksheet("Summary")
        summary_sheet.insert_chart("B2", chart)
        tickets = df[COLUMNS].copy()
        tickets["created_at"] = df["created"]
        tickets["updated_at"] = df["updated"]
        tickets.to_excel(writer, sheet_name="Tickets", index=False)
        sheet = writer.sheets["Tickets"]
        sheet.freeze_panes(1, 0)
        sheet.autofilter(0, 0, len(tickets), len(COLUMNS) - 1)


def workbook_openpyxl(df, dims, out):
    from openpyxl import Workbook
    from openpyxl.chart import BarChart, Reference
    book = Workbook()
    summary_sheet = book.active
    summary_sheet.title = "Summary"
    for name, table in dims.items():
        sheet = book.create_sheet("By " + name[3:].capitalize())
        sheet.append(["key", "open", "closed", "total"])
        for key, row in table.iterrows():
            sheet.append([str(key), int(row.open), int(row.closed), int(row.total)])
    company = book["By Company"]
    chart = BarChart()
    chart.type = "col"
    chart.grouping = "stacked"
    chart.overlap = 100
    rows = company.max_row
    chart.add_data(Reference(company, min_col=2, max_col=3, min_row=1, max_row=rows),
                   titles_from_data=True)
    chart.set_categories(Reference(company, min_col=1, min_row=2, max_row=rows))
    summary_sheet.add_chart(chart, "B2")
    sheet = book.create_sheet("Tickets")
    sheet.append(COLUMNS)
    created = df["created"].tolist()
    updated = df["updated"].tolist()
    for index, row in enumerate(df[COLUMNS].itertuples(index=False)):
        values = list(row)
        values[12] = created[index].to_pydatetime() if created[index] == created[index] else row[12]
        values[13] = updated[index].to_pydatetime() if updated[index] == updated[index] else row[13]
        sheet.append([None if v != v else v for v in values])
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = sheet.dimensions
    book.save(os.path.join(out, "report.xlsx"))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--engine", choices=["xlsxwriter", "openpyxl"], required=True)
    parser.add_argument("--as-of", default="2026-11-30 09:00:00")
    parser.add_argument("snapshot")
    parser.add_argument("out")
    args = parser.parse_args()
    os.makedirs(args.out, exist_ok=True)
    as_of = dt.datetime.strptime(args.as_of, "%Y-%m-%d %H:%M:%S")
    import pandas as pd
    header, tickets = read_snapshot(args.snapshot)
    df = frame(header, tickets, pd.Timestamp(as_of))
    result, dims = summary(df, as_of)
    write_text_outputs(df, result, args.out)
    if args.engine == "xlsxwriter":
        workbook_xlsxwriter(df, dims, args.out)
    else:
        workbook_openpyxl(df, dims, args.out)
    print(f"{len(df)} tickets, {result['totals']['open']} open", file=sys.stderr)


if __name__ == "__main__":
    main()
