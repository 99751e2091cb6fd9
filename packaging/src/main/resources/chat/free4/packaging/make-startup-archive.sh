#!/bin/sh
# Rebuilds the class-data archive of this free4chat installation so that it also holds the app's
# own start-up classes: the JVM then maps them pre-parsed instead of reading and verifying them
# from the jars on every start (about a third of the start-up time on a small machine).
# Java 17 ties archived class-path classes to the jars' absolute paths, so this can only run where
# the app is installed; the .deb's postinst runs it. Without it the app works and starts a little
# slower (the shipped archive holds the JDK and JavaFX classes only).
set -eu
app=$(cd "$(dirname "$0")" && pwd -P)
runtime="$(dirname "$app")/runtime"
archive="$runtime/lib/server/classes.jsa"
log=$(mktemp)
trap 'rm -f "$archive.new" "$log"' EXIT

# The class path exactly as the launcher builds it from its configuration, in the same order.
classpath=""
while IFS= read -r line; do
    case "$line" in
        'app.classpath=$APPDIR'*) classpath="${classpath:+$classpath:}$app${line#'app.classpath=$APPDIR'}" ;;
    esac
done < "$app/free4chat.cfg"

"$runtime/bin/java" -Xshare:dump -XX:SharedClassListFile="$app/startup.classlist" \
    -XX:SharedArchiveFile="$archive.new" -cp "$classpath" > "$log" 2>&1 || {
    tail -n 5 "$log" >&2
    echo "free4chat: could not build its start-up archive; it works, but starts a little slower." >&2
    exit 1
}
mv -f "$archive.new" "$archive"
