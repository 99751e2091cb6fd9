#!/bin/bash
# free4chat's launcher on Linux, in place of jpackage's native one: that one asks rpm and dpkg
# which package owns it on every start (package-database scans costing 0.3-0.5 s before the JVM
# even starts). This reads the same configuration (lib/app/free4chat.cfg) and starts the same JVM
# the same way, so the class-data archive made for that class path applies. `exec -a` keeps the
# launcher's path as the process's command name in ps and task managers (the binary is java).
set -euo pipefail
root=$(dirname "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")")
app="$root/lib/app"
classpath=""
main=""
options=()
while IFS= read -r line; do
    case "$line" in
        'app.classpath=$APPDIR'*) classpath="${classpath:+$classpath:}$app${line#'app.classpath=$APPDIR'}" ;;
        app.mainclass=*) main="${line#app.mainclass=}" ;;
        java-options=*)
            option="${line#java-options=}"
            option="${option//\$APPDIR/$app}"
            option="${option//\$BINDIR/$root/bin}"
            options+=("${option//\$ROOTDIR/$root}") ;;
    esac
done < "$app/free4chat.cfg"
# A native crash's hs_err file goes to the app's log folder (the one LogDirectory picks), where the
# next desktop start offers it; jpackage's .cfg cannot name a folder under $HOME (decision 0029).
# The JVM makes no folders, so it is made here; without HOME the JVM's default place is kept.
state="${XDG_STATE_HOME:-}"
case "$state" in
    /*) ;;
    *) state="${HOME:+$HOME/.local/state}" ;;
esac
crash=()
if [ -n "$state" ] && mkdir -p "$state/free4chat/logs" 2>/dev/null; then
    crash=("-XX:ErrorFile=$state/free4chat/logs/hs_err_pid%p.log")
fi
exec -a "$root/bin/free4chat" "$root/lib/runtime/bin/java" ${crash[@]+"${crash[@]}"} ${options[@]+"${options[@]}"} -Djpackage.app-path="$root/bin/free4chat" \
    -cp "$classpath" "$main" "$@"
