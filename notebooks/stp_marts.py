"""Read the published marts from a notebook, through `stp query --format csv`.

    from stp_marts import query
    scorecard = query("SELECT * FROM footprint_scorecard WHERE footprint_code = 'E54000005'")

Where the marts are and how stp is run come from the environment, so the same notebook runs on a
laptop, on a shared server and in CI:

- STP_WAREHOUSE  the warehouse folder (default: ../stp-demo/warehouse, where `scripts/stp demo` puts it)
- STP_COMMAND    the command that runs stp (default: ../scripts/stp from this folder)

Every mart is a view under its own name; `stp tables --warehouse DIR` lists them and
docs/data-dictionary.md describes every column, with an example query per mart.
"""
import io
import os
import shlex
import subprocess

import pandas as pd

HERE = os.path.dirname(os.path.abspath(__file__))
WAREHOUSE = os.environ.get("STP_WAREHOUSE", os.path.join(HERE, "..", "stp-demo", "warehouse"))
ISO_DATE = r"\d{4}-\d{2}-\d{2}"
STP_COMMAND = shlex.split(os.environ.get("STP_COMMAND", os.path.join(HERE, "..", "scripts", "stp")))


def query(sql):
    """The rows of one read-only query as a DataFrame.

    Columns of ISO dates (stp writes dates as 2017-04-01) become dates; "true"/"false" become
    booleans; numbers are numbers. A refused or failing query raises RuntimeError with stp's
    one-line message.
    """
    done = subprocess.run(STP_COMMAND + ["query", "--warehouse", WAREHOUSE, "--format", "csv", "--sql", sql],
                          capture_output=True, text=True, encoding="utf-8")
    if done.returncode != 0:
        message = [line for line in done.stderr.splitlines() if line.startswith("stp: ")]
        raise RuntimeError(message[-1] if message else done.stderr[-2000:])
    frame = pd.read_csv(io.StringIO(done.stdout), keep_default_na=False, na_values=[""])
    for column in frame.columns:
        values = frame[column].dropna()
        if frame[column].dtype == object and not values.empty and values.astype(str).str.fullmatch(ISO_DATE).all():
            frame[column] = pd.to_datetime(frame[column], format="%Y-%m-%d")
    return frame


def first(sql):
    """The first value of the first row of a query (None when it has no rows)."""
    frame = query(sql)
    return None if frame.empty else frame.iloc[0, 0]
