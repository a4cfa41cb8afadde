# Sourced (POSIX sh) by ./mvnw, ./pramaan and .ci/run, so that the README's two commands work on a
# machine whose default java is older than 21 but which has a JDK 21+ installed.
# Keeps JAVA_HOME (or, without one, the java on PATH) when it is Java 21 or newer; otherwise sets
# JAVA_HOME to the first JDK 21+ (java and javac present) under PRAMAAN_JDK_SEARCH, a space-separated
# list of globs (default: /usr/lib/jvm/* /opt/java/* /Library/Java/JavaVirtualMachines/*/Contents/Home),
# and says so on stderr. With none found it changes nothing, and the build stops with its own message.
pramaan_java_major() { # the major version of the java binary $1, or nothing
  # The JDK's release file says it without starting a JVM (tens to hundreds of ms of every ./pramaan
  # run, issue 18); a java without one (or a wrapper script) is asked.
  _pj_rel="$(dirname "$(dirname "$(readlink -f "$1" 2>/dev/null || echo "$1")")")/release"
  if [ -f "$_pj_rel" ]; then
    _pj_rv=$(sed -n 's/^JAVA_VERSION="\([0-9][0-9]*\).*/\1/p' "$_pj_rel" | head -n 1)
    if [ -n "$_pj_rv" ]; then echo "$_pj_rv"; return 0; fi
  fi
  "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = \([0-9][0-9]*\).*/\1/p' | head -n 1
}

pramaan_select_jdk() {
  _pj_java=""
  if [ -n "${JAVA_HOME:-}" ]; then _pj_java="$JAVA_HOME/bin/java"; else _pj_java=$(command -v java 2>/dev/null || true); fi
  _pj_v=""
  [ -n "$_pj_java" ] && [ -x "$_pj_java" ] && _pj_v=$(pramaan_java_major "$_pj_java")
  if [ -n "$_pj_v" ] && [ "$_pj_v" -ge 21 ]; then return 0; fi
  # Callers may run with globbing off (mvnw sets -f); the search needs it for this loop only.
  case $- in *f*) _pj_noglob=1; set +f ;; *) _pj_noglob="" ;; esac
  _pj_found=""
  for _pj_home in ${PRAMAAN_JDK_SEARCH:-/usr/lib/jvm/* /opt/java/* /Library/Java/JavaVirtualMachines/*/Contents/Home}; do
    [ -x "$_pj_home/bin/java" ] && [ -x "$_pj_home/bin/javac" ] || continue
    _pj_hv=$(pramaan_java_major "$_pj_home/bin/java")
    if [ -n "$_pj_hv" ] && [ "$_pj_hv" -ge 21 ]; then _pj_found="$_pj_home"; break; fi
  done
  [ -z "$_pj_noglob" ] || set -f
  if [ -n "$_pj_found" ]; then
    echo "Using JDK ${_pj_hv} at $_pj_found (${_pj_java:-no java} is Java ${_pj_v:-unknown}; Pramaan needs 21+)" >&2
    JAVA_HOME="$_pj_found"
    export JAVA_HOME
  fi
}

pramaan_select_jdk
