from . import contract_import
