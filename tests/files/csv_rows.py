"""Reads one of our CSV exports as an analyst's script would: Python's csv module, ';', UTF-8
with its byte-order mark. Prints the rows as a JSON list of objects (every cell a string)."""
import csv
import json
import sys

with open(sys.argv[1], newline="", encoding="utf-8-sig") as f:
    rows = list(csv.DictReader(f, delimiter=";"))
json.dump(rows, sys.stdout, ensure_ascii=False)
