"""The subjects of adoption commits, which sync, `log`, tags and the history read back.

An amendment's adoption is `Adopt amendment 05-QC/TU (qc-sua-doi-2025) to 01-QC/TU: …` (`adoption.adoption_message`);
a new regulation's draft adopted is issued as that regulation, `Issue the regulation 01-QC/TU (quy-che-xv) as
01-QC/TU-XV, replacing 01-QC/TU: …` (`replacing.issue`): it amends nothing (r41 sweep CK F7). Both are adoptions.

Post-conditions:
1. `PREFIXES` begins every adoption's subject and no other commit's (`str.startswith` takes the tuple).
2. `SUBJECT` matches an adoption's subject at its start: group 1 the document's number, group 2 its slug.
"""

from __future__ import annotations

from regdraft.core.patterns import lazy

AMENDMENT = "Adopt amendment "
REGULATION = "Issue the regulation "
PREFIXES = (AMENDMENT, REGULATION)
SUBJECT = lazy(r"(?:Adopt amendment|Issue the regulation) (.*?) \(([^()]+)\)")
