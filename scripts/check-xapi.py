#!/usr/bin/python3
"""Validates xAPI statements (JSON lines) against a third-party statement schema.

    scripts/check-xapi.py xapi-statements.jsonl ../shared/corpora/xapi/edo-xrs-jsonschema
"""
import json
import pathlib
import sys

import jsonschema

folder = pathlib.Path(sys.argv[2])
schemas = {path.name: json.load(open(path)) for path in folder.glob("*.json")}
store = dict(schemas)
for schema in schemas.values():
    if "id" in schema:
        store[schema["id"]] = schema
statement = schemas["statement.json"]
resolver = jsonschema.RefResolver(base_uri=folder.resolve().as_uri() + "/", referrer=statement, store=store)
validator = jsonschema.validators.validator_for(statement)(statement, resolver=resolver)
count = 0
for line in open(sys.argv[1]):
    validator.validate(json.loads(line))
    count += 1
print("ok", count)
