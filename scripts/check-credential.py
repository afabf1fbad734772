#!/usr/bin/python3
"""Checks an Open Badges 3.0 VC-JWT with tools that owe nothing to AllerVers.

The signature is verified by PyJWT (EdDSA) with the public key taken from the issuer's
did:key alone; the payload is validated against the official AchievementCredential JSON
Schema. Prints `ok NUMBER` or fails with the reason.

    scripts/check-credential.py CREDENTIAL.jwt ../shared/corpora/open-badges/schemas/ob_v3p0_achievementcredential_schema.json
"""
import json
import sys

import jsonschema
import jwt
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

ALPHABET = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"


def base58(text):
    number = 0
    for character in text:
        number = number * 58 + ALPHABET.index(character)
    raw = number.to_bytes((number.bit_length() + 7) // 8, "big")
    return b"\0" * (len(text) - len(text.lstrip("1"))) + raw


token = open(sys.argv[1]).read().strip()
schema = json.load(open(sys.argv[2]))
header = jwt.get_unverified_header(token)
did = header["kid"].split("#")[0]
assert did.startswith("did:key:z"), did
multicodec = base58(did[len("did:key:z"):])
assert multicodec[:2] == b"\xed\x01", "not an Ed25519 did:key"
key = Ed25519PublicKey.from_public_bytes(multicodec[2:])
claims = jwt.decode(token, key=key, algorithms=["EdDSA"], options={"verify_exp": False})
assert claims["iss"] == did == claims["issuer"]["id"], "issuer mismatch"
assert claims["jti"] == claims["id"], "jti is not the credential id"
jsonschema.Draft201909Validator(schema).validate(claims)
print("ok", claims["id"])
