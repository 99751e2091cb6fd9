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
exec -a "$root/bin/free4chat" "$root/lib/runtime/bin/java" ${options[@]+"${options[@]}"} -Djpackage.app-path="$root/bin/free4chat" \
    -cp "$classpath" "$main" "$@"
