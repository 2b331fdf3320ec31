"""Every ACLED sub-event type, end to end, from short reports written for this test."""

import pytest

import marsad

REPORTS = {
    "Government regains territory": "On 3 June 2024, the Nigerian army recaptured the town of Damboa from Boko Haram fighters after two days of heavy fighting.",
    "Non-state actor overtakes territory": "On 11 May 2024, M23 rebels seized control of the town of Rubaya after fierce fighting with Congolese troops.",
    "Armed clash": "On 7 April 2024, soldiers exchanged fire with al-Shabaab militants near Jowhar for several hours.",
    "Excessive force against protesters": "On 20 July 2024, security forces opened fire on peaceful demonstrators in Khartoum, killing four protesters.",
    "Protest with intervention": "On 15 March 2024, police used tear gas and arrested 30 people to break up a student protest in Dhaka.",
    "Peaceful protest": "On 1 May 2024, thousands of workers marched peacefully in Santiago to demand higher wages.",
    "Violent demonstration": "On 9 September 2024, demonstrators threw stones at police, burned tyres and smashed shop windows in Nairobi.",
    "Mob violence": "On 2 August 2024, a mob of villagers beat a suspected cattle thief to death in Kisii.",
    "Chemical weapon": "On 4 April 2024, government aircraft dropped sarin gas on the town of Khan Shaykhun, killing dozens of civilians.",
    "Air/drone strike": "On 18 February 2024, a drone strike hit a vehicle near Marib, killing three men.",
    "Suicide bomb": "On 30 January 2024, a suicide bomber blew himself up at a police checkpoint in Quetta, killing six officers.",
    "Shelling/artillery/missile attack": "On 12 March 2024, rebel artillery shelled residential areas of El Fasher, killing five civilians.",
    "Remote explosive/landmine/IED": "On 6 June 2024, a roadside bomb exploded under a military convoy near Gao, killing two soldiers.",
    "Grenade": "On 22 October 2024, an unknown assailant threw a hand grenade into a bar in Bujumbura, wounding eight people.",
    "Sexual violence": "On 14 November 2024, armed men raped three women in a village near Bunia, local officials said.",
    "Attack": "On 5 December 2024, gunmen shot dead two farmers in their fields near Jos.",
    "Abduction/forced disappearance": "On 19 March 2024, bandits kidnapped twelve passengers from a bus on the road near Kaduna.",
    "Agreement": "On 27 April 2024, the government and the rebel group signed a ceasefire agreement in Addis Ababa.",
    "Arrests": "On 8 August 2024, police arrested an opposition leader in Kampala on charges of treason.",
    "Change to group/activity": "On 13 January 2024, the militia announced the formation of a new armed wing in Tripoli and began recruiting fighters.",
    "Disrupted weapons use": "On 24 May 2024, army engineers defused a roadside bomb planted near Kirkuk before it could explode.",
    "Headquarters or base established": "On 3 July 2024, the armed group established a new base in the hills outside Beni.",
    "Looting/property destruction": "On 16 September 2024, armed men looted shops and set fire to houses in Bossangoa.",
    "Non-violent transfer of territory": "On 10 October 2024, government troops withdrew from the town of Kidal and rebels took control without a fight.",
    "Other": "On 2 February 2024, residents discovered a mass grave containing dozens of bodies near Mariupol.",
}


@pytest.mark.parametrize("expected", sorted(REPORTS))
def test_report_is_coded_with_its_sub_event_type(expected):
    events = marsad.extract(REPORTS[expected])
    assert events, "no event found"
    assert expected in {e.sub_event_type for e in events}
