#!/usr/bin/env python3
"""Writes A_HRC_43_15_Add_1.txt: a response to A/HRC/43/15 laid out as the UN prints UPR
addenda ("Views on conclusions and/or recommendations ... presented by the State under
review"), giving, by number and by range, the positions OHCHR published for Slovenia's
recommendations 122.1-122.157 (the `position` column of the CSV beside this script).
Constructed for testing: it is not the UN's text of A/HRC/43/15/Add.1, which is not in this
repository, and it gives no reasons, since none are known here.
Usage: make_addendum.py > A_HRC_43_15_Add_1.txt"""
import csv
import os
import textwrap

here = os.path.dirname(os.path.abspath(__file__))
rows = list(csv.DictReader(open(os.path.join(here, 'A_HRC_43_15_recommendations_sdg_labels.csv'), encoding='utf-8')))
examined = [r for r in rows if r['rec_id'].startswith('122.')]


def ranges(numbers):
    """122.1, 122.2, 122.3, 122.5 -> "122.1–122.3, 122.5": the UN's way of listing them."""
    out, start, prev = [], None, None
    for n in numbers + [None]:
        if n is not None and prev is not None and n == prev + 1:
            prev = n
            continue
        if start is not None:
            out.append(f'122.{start}' if start == prev else f'122.{start}\u2013122.{prev}')
        start = prev = n
    return ', '.join(out[:-1]) + ' and ' + out[-1] if len(out) > 1 else out[0]


def paragraph(number, text):
    """A numbered paragraph as `pdftotext -layout` gives the report beside it: indented, the
    number then the text, continuation lines under the number."""
    lines = textwrap.wrap(text, 86)
    first = f'              {number}.     {lines[0]}'
    return '\n'.join([first] + ['              ' + line for line in lines[1:]])


def numbers(position):
    return sorted(int(r['rec_id'].split('.')[1]) for r in examined if r['position'] == position)


print(f'''              United Nations                                                                                 A/HRC/43/15/Add.1
              General Assembly                                                           Distr.: General
                                                                                         28 February 2020

                                                                                         Original: English




Human Rights Council
Forty-third session
24 February–20 March 2020
Agenda item 6
Universal periodic review


            Report of the Working Group on the Universal Periodic
            Review*

            Slovenia


            Addendum

            Views on conclusions and/or recommendations, voluntary
            commitments and replies presented by the State under review



          * The present document was not edited before being sent to the United Nations translation services.

GE.20-03112(E)


A/HRC/43/15/Add.1



{paragraph(1, f"Slovenia received {len(rows)} recommendations during its third universal periodic review, of which it supported {len(rows) - len(examined)} at the session of the Working Group. It examined the remaining {len(examined)} recommendations in consultation with the ministries concerned and civil society.")}
{paragraph(2, "Slovenia supports the following recommendations: " + ranges(numbers('Supported')) + ".")}
{paragraph(3, "Slovenia notes the following recommendations: " + ranges(numbers('Noted')) + ".")}
''')
