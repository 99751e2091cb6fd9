#!/bin/sh
# Rebuilds the class-data archive of this free4chat installation so that it also holds the app's
# own start-up classes: the JVM then maps them pre-parsed instead of reading and verifying them
# from the jars on every start.
# Java 17 ties archived class-path classes to the jars' absolute paths, so this can only run where
# the app is installed; the .deb's postinst runs it. Without it the app works and starts a little
# slower (the shipped archive holds the JDK and JavaFX classes only).
set -eu
app=$(cd "$(dirname "$0")" && pwd -P)
root=$(dirname "$(dirname "$app")")
archive="$root/lib/runtime/lib/server/classes.jsa"
log=$(mktemp)
trap 'rm -f "$archive.new" "$log"' EXIT

# Dumped through the launcher itself, so the archive's class path is exactly the one every start
# uses (-Xshare:dump makes the JVM write the archive and exit before the app's main runs).
# JAVA_TOOL_OPTIONS splits on spaces: fine for /opt/free4chat, the .deb's fixed location.
JAVA_TOOL_OPTIONS="-Xshare:dump -XX:SharedClassListFile=$app/startup.classlist -XX:SharedArchiveFile=$archive.new" \
    "$root/bin/free4chat" --version > "$log" 2>&1 || {
    tail -n 5 "$log" >&2
    echo "free4chat: could not build its start-up archive; it works, but starts a little slower." >&2
    exit 1
}
mv -f "$archive.new" "$archive"
