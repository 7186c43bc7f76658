#!/bin/sh
# Every translatable file is listed in po/POTFILES, every message is in po/ko.po, and the
# Korean catalogue is complete and well formed.
set -eu
src=${1:?usage: check-translations.sh SOURCE_ROOT}
cd "$src"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
status=0

for file in $(grep -l -E '\b(N_|_|C_|NC_|g_dngettext|ngettext)\(|translatable="yes"' \
                model/*.c export/*.c app/*.c app/*.ui data/*.in 2>/dev/null); do
  if ! grep -qx "$file" po/POTFILES; then
    echo "not in po/POTFILES: $file"
    status=1
  fi
done

xgettext --from-code=UTF-8 --keyword=_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2 \
         --keyword=g_dngettext:2,3 --add-comments=Translators --files-from=po/POTFILES \
         --output="$tmp/stormcut.pot" 2>"$tmp/xgettext.log" || { cat "$tmp/xgettext.log"; exit 1; }
if ! msgcmp --use-untranslated po/ko.po "$tmp/stormcut.pot" 2>"$tmp/msgcmp.log"; then
  echo "messages missing from po/ko.po:"
  head -n 40 "$tmp/msgcmp.log"
  status=1
fi

stats=$(msgfmt --check --statistics -o /dev/null po/ko.po 2>&1)
echo "po/ko.po: $stats"
case "$stats" in
  *untranslated*|*fuzzy*) status=1 ;;
esac
exit $status
