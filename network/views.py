from mechanisms.models import Record
from mechanisms.views import record_detail_page, record_list_page
from network.filters import NationalNetworkFilterSet, NetworkFilterSet, WorkingGroupFilterSet


def network_list(request):
    return record_list_page(request, NetworkFilterSet, "network/network_list.html")


def network_detail(request, slug):
    return record_detail_page(request, Record.Kind.NETWORK, slug)


def national_network_list(request):
    return record_list_page(request, NationalNetworkFilterSet, "network/national_network_list.html")


def national_network_detail(request, slug):
    return record_detail_page(request, Record.Kind.NATIONAL_NETWORK, slug)


def working_group_list(request):
    return record_list_page(request, WorkingGroupFilterSet, "network/working_group_list.html")


def working_group_detail(request, slug):
    return record_detail_page(request, Record.Kind.WORKING_GROUP, slug)


def sub_structure_detail(request, slug):
    return record_detail_page(request, Record.Kind.SUB_STRUCTURE, slug)


def output_detail(request, slug):
    return record_detail_page(request, Record.Kind.OUTPUT, slug)
