placeholder: the unit tests check where this folder is copied, never load it
