from . import test_partner_siren_import
