from django.contrib import admin

from mechanisms.admin import register_kinds

register_kinds(admin.site, "network")
