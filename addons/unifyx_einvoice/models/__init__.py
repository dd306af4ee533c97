from . import res_partner, account_edi_xml_cii
