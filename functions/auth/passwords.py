"""Passwords become Argon2id hashes at once, in the PHC format Kratos imports
(``$argon2id$v=19$m=…,t=…,p=…$salt$hash``); the plaintext goes nowhere else."""

from __future__ import annotations


def hash_for_identity_import(password: str) -> str:
    from argon2 import PasswordHasher

    return PasswordHasher().hash(password)

