"""Create the PostgreSQL database named in a URL if it does not exist (used by `make bench-data`).

    python -m demo.bench.createdb postgres://postgres@127.0.0.1:5432/haninge_bench

Runs without Django: it connects to the server's maintenance database with the URL's credentials.
"""

import sys

import psycopg
from psycopg import sql
from psycopg.conninfo import conninfo_to_dict, make_conninfo


def create_database(url: str) -> bool:
    """True when the database was created, False when it was there already."""
    params = conninfo_to_dict(url)
    name = params.pop("dbname")
    with psycopg.connect(make_conninfo(**params, dbname="postgres"), autocommit=True) as connection:
        if connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            return False
        connection.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
        return True


if __name__ == "__main__":
    url = sys.argv[1]
    created = create_database(url)
    print(f"{'Created' if created else 'Using'} the database {conninfo_to_dict(url)['dbname']}")
