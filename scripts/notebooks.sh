#!/usr/bin/env bash
# Executes every notebook in notebooks/ headless against a warehouse and fails on any error in any cell.
#   scripts/notebooks.sh                    # builds (once) a demo warehouse of 3 months under jobs/target/notebook-demo/
#   scripts/notebooks.sh --warehouse DIR    # a warehouse with published marts
#   scripts/notebooks.sh --prepare          # only installs the packages below when missing (scripts/test
#                                           # starts this in the background, so a fresh machine's
#                                           # installation overlaps the build and the other tests)
# The executed copies, with their outputs and charts, go to jobs/target/notebooks/.
# Needs Python 3 with pandas, matplotlib, nbformat, nbclient and ipykernel: Debian's packages, which
# this script installs with apt-get when they are missing and it runs as root.
# Outside CI, when Python or the packages are missing and cannot be installed, it says so and skips
# (exit 0, "notebooks: skipped"); with CI=true it fails instead. Installations are serialised by a lock
# (${TMPDIR:-/tmp}/stp-notebook-packages.lock): a run that finds one under way waits for it.
# Environment: STP_COMMAND (how to run stp; default scripts/stp), PYTHON (default /usr/bin/python3).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
warehouse="" prepare=0
usage() { echo "usage: scripts/notebooks.sh [--warehouse DIR | --prepare]" >&2; exit 2; }
while [ $# -gt 0 ]; do
  case "$1" in
    --warehouse) [ $# -ge 2 ] || usage; warehouse="$2"; shift 2 ;;
    --prepare) prepare=1; shift ;;
    *) usage ;;
  esac
done
# the kernels run in notebooks/, so a relative local folder is made absolute here (a URI such as
# hdfs://… is passed on as it is)
if [ -n "$warehouse" ] && [[ "$warehouse" != *://* ]]; then
  [ -d "$warehouse" ] || { echo "notebooks: no warehouse folder $warehouse" >&2; exit 2; }
  warehouse="$(cd "$warehouse" && pwd)"
fi

packages=(python3-pandas python3-matplotlib python3-nbformat python3-nbclient python3-ipykernel)
python="${PYTHON:-}"
if [ -z "$python" ]; then
  # Debian's packages go to the system interpreter, whatever python3 comes first on PATH
  if [ -x /usr/bin/python3 ]; then python=/usr/bin/python3; else python="$(command -v python3 || true)"; fi
fi
ready() { [ -n "$python" ] && "$python" -c "import pandas, matplotlib, nbformat, nbclient, ipykernel" 2>/dev/null; }
give_up() {
  if [ "${CI:-}" = "true" ]; then echo "notebooks: $1" >&2; exit 1; fi
  echo "notebooks: skipped: $1"; exit 0
}

if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
  # one installation at a time: a run that finds one under way (scripts/test starts one in the
  # background) waits for it to finish, then looks again
  exec 9>"${TMPDIR:-/tmp}/stp-notebook-packages.lock"
  if command -v flock >/dev/null && ! flock -n 9; then
    echo "notebooks: waiting for another installation of the packages to finish" >&2
    flock 9
  fi
  if ! ready; then
    echo "notebooks: installing ${packages[*]}" >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >&2 && apt-get install -y -qq --no-install-recommends "${packages[@]}" >&2 \
      || give_up "apt-get could not install ${packages[*]}"
    python=/usr/bin/python3
  fi
  exec 9>&-
fi
ready || give_up "needs Python 3 with pandas, matplotlib, nbformat, nbclient and ipykernel (Debian: apt-get install ${packages[*]})"
if [ "$prepare" = 1 ]; then echo "notebooks: packages ready"; exit 0; fi

export STP_COMMAND="${STP_COMMAND:-$root/scripts/stp}"
if [ -z "$warehouse" ]; then
  warehouse="$root/jobs/target/notebook-demo/warehouse"
  if [ ! -d "$warehouse/_published" ]; then
    # shellcheck disable=SC2086
    $STP_COMMAND demo --months 3 --warehouse "$warehouse" --landing "$root/jobs/target/notebook-demo/landing" >&2
  fi
fi
export STP_WAREHOUSE="$warehouse"
# the kernel draws charts inline (matplotlib's inline backend), so they are kept in the executed copies
export PYDEVD_DISABLE_FILE_VALIDATION=1
out="$root/jobs/target/notebooks"
mkdir -p "$out"

"$python" - "$root/notebooks" "$out" <<'PY'
import glob, os, sys, time
import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError

source, out = sys.argv[1], sys.argv[2]
paths = sorted(glob.glob(os.path.join(source, "*.ipynb")))
failed = []
for path in paths:
    name = os.path.basename(path)
    notebook = nbformat.read(path, as_version=4)
    started = time.time()
    try:
        NotebookClient(notebook, timeout=900, kernel_name="python3", resources={"metadata": {"path": source}}).execute()
        print(f"notebooks: {name} ran in {time.time() - started:.0f} s")
    except CellExecutionError as e:
        failed.append(name)
        print(f"notebooks: {name} FAILED: {str(e).strip().splitlines()[-1]}", file=sys.stderr)
    nbformat.write(notebook, os.path.join(out, name))
print(f"notebooks: {len(paths) - len(failed)} passed, {len(failed)} failed (executed copies in {out})")
sys.exit(1 if failed or not paths else 0)
PY
