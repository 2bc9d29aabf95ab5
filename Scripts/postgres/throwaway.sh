#!/bin/sh
# A throwaway PostgreSQL server for the tests (issue 19): a cluster in FOLDER, listening only on a Unix socket in
# that folder (no TCP port, no system service touched).
#   throwaway.sh start FOLDER   prints the URL of database `regtracker` (role `regtracker`, trust on the socket)
#   throwaway.sh database FOLDER NAME   makes one more database, empty, and prints its URL
#   throwaway.sh stop FOLDER    stops the server at once; the caller removes FOLDER
# Exits 3 when PostgreSQL's server programs are not installed (the tests then say they are skipped).
set -eu
action=$1
folder=$2
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
if [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; then
    echo "PostgreSQL's server programs (initdb, pg_ctl) are not installed; apt-get install postgresql" >&2
    exit 3
fi
# initdb refuses to run as root: the cluster then belongs to the `postgres` user the Debian package creates.
as_owner() {
    if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}
case $action in
start)
    mkdir -p "$folder"
    if [ "$(id -u)" = 0 ]; then chown postgres "$folder"; fi
    as_owner "$bin/initdb" -D "$folder/data" -A trust -U regtracker -E UTF8 --locale=C.UTF-8 --no-sync >"$folder/initdb.log" 2>&1 ||
        { cat "$folder/initdb.log" >&2; exit 1; }
    # fsync off: a throwaway cluster need not survive a power cut, and the tests run faster.
    as_owner "$bin/pg_ctl" -D "$folder/data" -l "$folder/server.log" -w -t 60 \
        -o "-k $folder -c listen_addresses= -c fsync=off -c max_connections=40" start >/dev/null ||
        { cat "$folder/server.log" >&2; exit 1; }
    as_owner "$bin/createdb" -h "$folder" -U regtracker regtracker
    echo "postgres://regtracker@localhost/regtracker?host=$folder"
    ;;
database)
    as_owner "$bin/createdb" -h "$folder" -U regtracker "$3"
    echo "postgres://regtracker@localhost/$3?host=$folder"
    ;;
stop)
    as_owner "$bin/pg_ctl" -D "$folder/data" -m immediate -w stop >/dev/null 2>&1 || true
    ;;
*)
    echo "usage: throwaway.sh start|stop FOLDER" >&2
    exit 2
    ;;
esac
