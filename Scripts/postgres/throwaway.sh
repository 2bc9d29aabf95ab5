#!/bin/sh
# A throwaway PostgreSQL server for the tests (issue 19): a cluster in FOLDER, listening only on a Unix socket in
# that folder (no TCP port, no system service touched).
#   throwaway.sh start FOLDER   prints the URL of database `regtracker` (role `regtracker`, trust on the socket)
#   throwaway.sh database FOLDER NAME   makes one more database, empty, and prints its URL
#   throwaway.sh tls FOLDER     as start, and also on 127.0.0.1 with TLS only (a connection without is refused),
#                               with a CA and a certificate for `localhost` made by openssl in FOLDER/tls; prints the
#                               port (the CA is FOLDER/tls/ca.pem)
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
initialise() {
    mkdir -p "$folder"
    if [ "$(id -u)" = 0 ]; then chown postgres "$folder"; fi
    as_owner "$bin/initdb" -D "$folder/data" -A trust -U regtracker -E UTF8 --locale=C.UTF-8 --no-sync >"$folder/initdb.log" 2>&1 ||
        { cat "$folder/initdb.log" >&2; exit 1; }
}
case $action in
start)
    initialise
    # fsync off: a throwaway cluster need not survive a power cut, and the tests run faster.
    as_owner "$bin/pg_ctl" -D "$folder/data" -l "$folder/server.log" -w -t 60 \
        -o "-k $folder -c listen_addresses= -c fsync=off -c max_connections=40" start >/dev/null ||
        { cat "$folder/server.log" >&2; exit 1; }
    as_owner "$bin/createdb" -h "$folder" -U regtracker regtracker
    echo "postgres://regtracker@localhost/regtracker?host=$folder"
    ;;
tls)
    command -v openssl >/dev/null || { echo "openssl is not installed; apt-get install openssl" >&2; exit 3; }
    initialise
    tls=$folder/tls
    mkdir -p "$tls"
    curve="-newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes"
    # shellcheck disable=SC2086
    openssl req -x509 $curve -days 2 -subj /CN=regtracker-test-ca -keyout "$tls/ca.key" -out "$tls/ca.pem" 2>/dev/null
    # shellcheck disable=SC2086
    openssl req $curve -subj /CN=localhost -keyout "$tls/server.key" -out "$tls/server.csr" 2>/dev/null
    printf 'subjectAltName=DNS:localhost\n' >"$tls/names"
    openssl x509 -req -in "$tls/server.csr" -CA "$tls/ca.pem" -CAkey "$tls/ca.key" -CAcreateserial -days 2 \
        -extfile "$tls/names" -out "$tls/server.pem" 2>/dev/null
    chmod 600 "$tls/server.key"
    if [ "$(id -u)" = 0 ]; then chown -R postgres "$tls"; fi
    printf '%s\n' "local all all trust" "hostssl all all 127.0.0.1/32 trust" "hostnossl all all 127.0.0.1/32 reject" \
        >"$folder/data/pg_hba.conf"
    # A free port: another test run or service may hold the first one tried.
    for try in 1 2 3 4 5 6 7 8; do
        port=$((20000 + ($$ * 7 + try * 1013) % 40000))
        if as_owner "$bin/pg_ctl" -D "$folder/data" -l "$folder/server.log" -w -t 60 \
            -o "-k $folder -p $port -c listen_addresses=127.0.0.1 -c fsync=off -c ssl=on \
                -c ssl_cert_file=$tls/server.pem -c ssl_key_file=$tls/server.key" start >/dev/null; then
            as_owner "$bin/createdb" -h "$folder" -p "$port" -U regtracker regtracker
            echo "$port"
            exit 0
        fi
    done
    cat "$folder/server.log" >&2
    exit 1
    ;;
database)
    as_owner "$bin/createdb" -h "$folder" -U regtracker "$3"
    echo "postgres://regtracker@localhost/$3?host=$folder"
    ;;
stop)
    as_owner "$bin/pg_ctl" -D "$folder/data" -m immediate -w stop >/dev/null 2>&1 || true
    ;;
*)
    echo "usage: throwaway.sh start|tls|stop FOLDER, or database FOLDER NAME" >&2
    exit 2
    ;;
esac
