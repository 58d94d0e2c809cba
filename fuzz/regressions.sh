#!/usr/bin/env bash
# Runs every saved regression input once through its fuzz target; exits
# non-zero if any still crashes. Usage: fuzz/regressions.sh [TARGET...]
set -uo pipefail
cd "$(dirname "$0")"
export RUSTC_BOOTSTRAP=1
targets=("$@")
if [[ ${#targets[@]} -eq 0 ]]; then
    for d in regressions/*/; do targets+=("$(basename "$d")"); done
fi
failed=0
for t in "${targets[@]}"; do
    for f in regressions/"$t"/*; do
        [[ -f $f ]] || continue
        if cargo fuzz run "$t" "$f" -- -rss_limit_mb=2048 -timeout=10 >/dev/null 2>&1; then
            echo "ok      $f"
        else
            echo "FAILED  $f   (cargo fuzz run $t $f)"
            failed=1
        fi
    done
done
exit $failed
