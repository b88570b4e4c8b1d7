import rules

# The open data holds only what the public pages show: everyone, signed in or not, reads it.
rules.add_perm("api.read_open_data", rules.always_allow)
rules.add_perm("api.view_documentation", rules.always_allow)
