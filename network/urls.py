from mechanisms.routes import kind_urlpatterns

app_name = "network"

urlpatterns = kind_urlpatterns(app_name)
