"""Pure Python: voucher model, money, redemption rules, offline policy, errors.

No Qt, no HTTP, no SQL here.
"""
