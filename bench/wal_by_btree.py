#!/usr/bin/env python3
"""WAL frames per entry by B-tree, for the store an ingest benchmark left in a folder.

    KEEP_WAL=/tmp/kept PRELOAD=200000 RUNS=1 bash bench/ingest.sh
    python3 bench/wal_by_btree.py /tmp/kept 20000

Reads every frame header of aggregator.db-wal (the run wrote it with no checkpoint) and names the
B-tree each page belongs to with SQLite's dbstat table (through the sqlite3 command-line shell, which
reads the WAL too, then checkpoints it). Pages dbstat does not list (freelist, the header page) count as "other".
"""
import collections
import struct
import subprocess
import sys


def frames(wal_path):
    with open(wal_path, 'rb') as wal:
        header = wal.read(32)
        page_size = struct.unpack('>I', header[8:12])[0]
        salts = header[16:24]
        while True:
            frame = wal.read(24)
            if len(frame) < 24 or frame[8:16] != salts:
                return
            yield struct.unpack('>I', frame[0:4])[0]
            wal.seek(page_size, 1)


def main():
    folder, entries = sys.argv[1], int(sys.argv[2])
    db = f'{folder}/aggregator.db'
    # The frames first: the shell checkpoints the WAL into the database and deletes it when it closes.
    pages = list(frames(db + '-wal'))
    listing = subprocess.run(['sqlite3', db, 'SELECT pageno, name FROM dbstat;'], check=True, capture_output=True, text=True).stdout
    owner = {}
    for line in listing.splitlines():
        page, name = line.split('|', 1)
        owner[int(page)] = name
    counts = collections.Counter(owner.get(page, 'other') for page in pages)
    total = sum(counts.values())
    for name, count in counts.most_common():
        print(f'{count / entries:6.2f}  {name}')
    print(f'{total / entries:6.2f}  all ({total} frames, {entries} entries)')


if __name__ == '__main__':
    main()
