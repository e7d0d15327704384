"""The editorial roles, as groups of permissions (created by a data migration).

An Editor adds, changes and views every directory record and its parts, including
drafts. A Publisher may also publish, archive and delete. Neither may touch users,
groups or permissions. Migration mechanisms/0002_editorial_roles gives the groups their permissions.
"""

EDITOR = "Editor"
PUBLISHER = "Publisher"
ROLES = {"editor": EDITOR, "publisher": PUBLISHER}
