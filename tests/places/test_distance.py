from marsad.resolve.places.distance import haversine_km


def test_haversine_km_one_degree_of_latitude_is_about_111_km():
    assert abs(haversine_km(10.0, 20.0, 11.0, 20.0) - 111.2) < 0.5
    assert haversine_km(5.0, 5.0, 5.0, 5.0) == 0.0
