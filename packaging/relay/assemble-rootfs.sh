#!/usr/bin/env bash
# Assembles the relay container's root file system without pulling any base image (no registry
# is reachable from our build machines): a jlink'd Java runtime plus exactly the shared libraries
# it links, copied from the build machine. Jib layers this directory onto `scratch`.
#
# usage: assemble-rootfs.sh JAVA_HOME OUTPUT_DIR
set -euo pipefail
java_home=$1
out=$2
# What jdeps reports for the relay and its jars (Jetty uses java.beans from java.desktop).
modules=java.base,java.desktop,java.management,java.naming,java.sql,jdk.crypto.ec,jdk.unsupported
stamp="$out/.assembled-with"
want="$modules $(sha256sum "$0" | cut -c1-16) $("$java_home/bin/java" -version 2>&1 | head -1)"
if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then
  echo "[relay-rootfs] up to date: $out"
  exit 0
fi

rm -rf "$out"
mkdir -p "$out/opt" "$out/tmp" "$out/etc" "$out/proc" "$out/dev" "$out/sys"
"$java_home/bin/jlink" --add-modules "$modules" --compress=2 --strip-debug --no-header-files \
  --no-man-pages --strip-native-debug-symbols=exclude-debuginfo-files --output "$out/opt/java"

# Shared libraries: whatever ldd resolves for the launcher and the runtime's native libraries,
# except the desktop ones (AWT, fonts, sound, splash) that a headless server never loads.
libs=$(find "$out/opt/java" -type f \( -path '*/bin/*' -o -name '*.so' \) \
         ! -name 'libawt_xawt.so' ! -name 'libfontmanager.so' ! -name 'libsplashscreen.so' \
         ! -name 'libjsound.so' ! -name 'libjawt.so' ! -name 'liblcms.so' ! -name 'libjavajpeg.so' \
       | xargs ldd 2>/dev/null | awk '$2 == "=>" && $3 ~ /^\// {print $3} $1 ~ /^\// {print $1}' | sort -u)
for lib in $libs; do
  case "$lib" in "$out"/*) continue ;; esac   # the runtime's own libraries are already there
  mkdir -p "$out$(dirname "$lib")"
  cp -L "$lib" "$out$lib"
done

# A named, unprivileged user (uid/gid 10001) for tools that look names up; the image runs as it.
echo 'root:x:0:0:root:/root:/sbin/nologin' > "$out/etc/passwd"
echo 'relay:x:10001:10001:free4chat relay:/tmp:/sbin/nologin' >> "$out/etc/passwd"
printf 'root:x:0:\nrelay:x:10001:\n' > "$out/etc/group"

echo "$want" > "$stamp"
echo "[relay-rootfs] $(du -sh "$out" | cut -f1) in $out; libraries: $(echo $libs | wc -w)"
