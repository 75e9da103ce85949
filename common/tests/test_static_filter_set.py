"""``StaticFilterSet`` builds its form class once and gives each filter set
its own copies of the filters, so requests on other threads never share one."""

import pytest
from django.http import QueryDict

from catalogue.api.filters import ServiceFilter
from catalogue.models import Service
from catalogue.tests.factories import ServiceFactory

pytestmark = pytest.mark.django_db


def test_each_filter_set_has_its_own_filters_and_shares_the_form_class():
    first = ServiceFilter(QueryDict("search=pizza"), Service.objects.all())
    second = ServiceFilter(QueryDict("search=sushi"), Service.objects.all())

    assert type(first.form) is type(second.form)
    for name, template in ServiceFilter.base_filters.items():
        assert first.filters[name] is not second.filters[name]
        assert first.filters[name].parent is first
        assert second.filters[name].parent is second
        assert getattr(template, "parent", None) is None


def test_the_method_filter_runs_on_its_own_filter_set():
    pizza = ServiceFactory(service_name="Pizza corner")
    ServiceFactory(service_name="Sushi bar")
    first = ServiceFilter(QueryDict("search=pizza"), Service.objects.all())
    second = ServiceFilter(QueryDict("search=sushi&category=nope"), Service.objects.all())

    assert list(first.qs) == [pizza]
    assert not second.is_valid()
    assert "category" in second.errors
    assert first.filters["search"].filter.f is first.filters["search"]
