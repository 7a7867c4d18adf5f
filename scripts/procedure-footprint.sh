#!/bin/sh
# How many files outside its own (defs/<id>.ts, defs/<id>/) and the locale files name each
# procedure's id or module: what adding one more would touch (issue 18's "files touched" figure).
# A host that offers another as an add-on (`addons: ['akin']`) counts: it is that host's own choice.
cd "$(dirname "$0")/.." || exit 1
for f in src/procedures/defs/*.ts; do
  id=$(basename "$f" .ts)
  files=$(grep -rlE "['\"\`]$id['\"\`/]|defs/$id['\"/]" src --include='*.ts' --include='*.tsx' |
    grep -v "^src/procedures/defs/$id\(\.ts\|/\)" | grep -v '^src/i18n/locales/')
  echo "$id: $(printf '%s' "$files" | grep -c .) $(echo $files)"
done
