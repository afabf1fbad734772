#!/usr/bin/env python3
"""Writes an LHEO 2.2 catalogue of about MIB mebibytes: the formations of the real Intercarif
feeds in ../shared/corpora/lheo/samples/intercarif-trefle, replicated with numbers made unique.

Usage: lheo-catalogue.py OUTPUT MIB [--dateless]

--dateless writes each session's dates as 00000000 (not known), so that an import stores the
courses and their session templates without planning sessions."""
import glob, os, re, sys

out, mib = sys.argv[1], float(sys.argv[2])
dateless = '--dateless' in sys.argv
here = os.path.dirname(os.path.abspath(__file__))
folder = os.path.join(here, '..', '..', 'shared', 'corpora', 'lheo', 'samples', 'intercarif-trefle')
formations = []
for path in sorted(glob.glob(os.path.join(folder, '*.xml'))):
    text = open(path, encoding='utf-8').read()
    formations += re.findall(r'<formation\b.*?</formation>', text, re.S)
if not formations:
    sys.exit('no formation found under ' + folder)
if dateless:
    formations = [re.sub(r'<(debut|fin)>\d{8}</\1>', r'<\1>00000000</\1>', f) for f in formations]
target = int(mib * 1048576)
written = 0
with open(out, 'w', encoding='utf-8') as f:
    head = '<?xml version="1.0" encoding="utf-8"?>\n<lheo xmlns="http://www.lheo.org/2.2">\n<offres>\n'
    f.write(head)
    written += len(head.encode())
    copy = 0
    while written < target:
        for formation in formations:
            # Every numero (formation, action, session) gets the copy's number.
            text = re.sub(r'numero="([^"]*)"', lambda m: 'numero="%s-%d"' % (m.group(1), copy) if m.group(1) else m.group(0), formation)
            f.write(text + '\n')
            written += len(text.encode()) + 1
            copy += 1
    f.write('</offres>\n</lheo>\n')
