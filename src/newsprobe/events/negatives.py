"""Sentences that report no event, written for newsprobe: the "no event" class's own examples.

ACLED notes describe events only, so the classifier needs counter-examples of what news also says:
background, commentary, diplomacy, economy, forecasts, quotes. These are written by the project (no
corpus text); `ptc_sentences` adds background sentences from the PTC articles when the corpus is present.
"""

from __future__ import annotations

import re
from pathlib import Path

WRITTEN: tuple[str, ...] = (
    "The minister will travel to Brussels next month for talks on the energy budget.",
    "Analysts say the currency could lose more value if inflation keeps rising.",
    "The region has a long history of disputes over grazing land and water.",
    "The city was founded in the twelfth century as a trading post on the river.",
    "Officials expect the harvest to be smaller than last year because of the drought.",
    "The president thanked the delegation for its support and praised the partnership.",
    "Parliament is due to vote on the new pension law before the summer recess.",
    "The company reported a rise in quarterly profits driven by exports.",
    "Experts warn that the shortage of doctors in rural hospitals will get worse.",
    "The talks are expected to resume after the holidays, a spokesman said.",
    "The football club signed a new striker on a three-year contract.",
    "Temperatures are forecast to drop below freezing over the weekend.",
    "The government announced a plan to build two hundred new schools by 2030.",
    "Critics argue that the reform does not go far enough to fight corruption.",
    "The report describes the economic situation in the province as stable.",
    "The ambassador said his country remains committed to a peaceful settlement.",
    "Many families in the area depend on remittances from relatives working abroad.",
    "The museum will reopen to visitors after a two-year renovation.",
    "The central bank kept interest rates unchanged at its latest meeting.",
    "Observers believe the election will be the most closely fought in decades.",
    "The newspaper published an interview with the former prime minister.",
    "The agency estimates that the population of the capital has doubled since 2000.",
    "The opposition leader called the budget a missed opportunity.",
    "Students returned to classrooms after the winter break.",
    "The bridge connecting the two districts was built by a foreign contractor.",
    "According to the ministry, wheat exports grew by ten percent this year.",
    "The mayor promised to improve public transport and street lighting.",
    "The conference on climate adaptation brought together officials from twenty countries.",
    "The film festival opened with a documentary about migrant workers.",
    "The governor said the province needs more investment in roads and power lines.",
    "Prices of bread and cooking oil have risen sharply since the spring.",
    "The alliance has not yet decided whether to admit the two new members.",
    "Diplomats described the meeting as constructive and frank.",
    "The foreign minister is expected to meet his counterpart on the sidelines of the summit.",
    "The new hospital wing will add eighty beds for patients.",
    "Historians still debate the causes of the war that ended a century ago.",
    "The council approved funding for a new water treatment plant.",
    "The television channel has been broadcasting since the early nineties.",
    "The UN envoy said a political solution is the only way forward.",
    "The committee will publish its recommendations later this year.",
    "Officials said the border crossing will remain open for trade.",
    "The army chief said his troops are ready to defend the country.",
    "The defence ministry plans to buy new transport aircraft next year.",
    "Commentators on state television described the West as hostile and decadent.",
    "The spokesman refused to comment on the rumours.",
    "The organisation has offices in twelve countries across the region.",
    "The rebels control large parts of the countryside, according to analysts.",
    "The ceasefire agreement signed last year is still largely holding.",
    "Experts say the militants are likely to change their tactics.",
    "The country has been divided since the civil war began more than a decade ago.",
    "The security situation in the north remains tense but calm.",
    "Aid agencies appealed for more funding to feed displaced families.",
    "The refugees have lived in the camp for several years.",
    "The government denied reports that it was preparing a new offensive.",
    "Western sanctions have hit the country's banking sector hard.",
    "The minister said terrorism would never defeat the nation.",
    "Officials are investigating the causes of the power outage.",
    "The military academy graduated four hundred new officers.",
    "Soldiers took part in a parade marking the national holiday.",
    "The joint exercises are planned for the autumn, the ministry said.",
    "The president signed a decree on the mobilisation of reservists.",
    "Observers fear that the conflict could spill over into neighbouring states.",
    "This article was updated with a statement from the ministry.",
    "Subscribe to our newsletter for the latest updates.",
    "The views expressed in this article are those of the author.",
    "Share this story on social media.",
    "Photo credit: the press service of the ministry.",
    "The author is a senior fellow at a policy institute.",
    "The book tells the story of a family that survived the occupation.",
    "The price of oil rose above ninety dollars a barrel.",
    "The province is known for its orchards and vineyards.",
    "Unemployment among young people remains above twenty percent.",
    "The prime minister's approval rating has fallen to its lowest level.",
    "Negotiators agreed to meet again next week in Geneva.",
    "The court adjourned the hearing until next month.",
    "The vaccination campaign will be extended to children over five.",
    "The airline will resume flights to the capital in March.",
    "The railway line is expected to be completed by the end of the decade.",
    "The new law requires foreign-funded groups to register with the authorities.",
    "The region's economy relies mostly on agriculture and livestock.",
    "The state news agency praised the achievements of the armed forces.",
    "Villagers say they want the road to be repaired before the rains.",
    "The festival attracts thousands of tourists every summer.",
    "The rebel group was founded in the late nineties by former army officers.",
    "The movement has lost much of its popular support in recent years.",
    "The government says it has restored order in most of the province.",
    "Observers note that the enemy propaganda has become more aggressive.",
    "It is a little more and the enemy will be defeated, the commentator wrote.",
    "The militants are demoralised and short of supplies, according to the columnist.",
    "The outlet said the region is no longer a problem for the authorities.",
    "The insurgents have lost the ability to recruit new fighters, an analyst argued.",
    "The group once held territory the size of a small country.",
    "The organisation is banned as a terrorist group in several countries.",
    "Humanitarian convoys are planned for the coming days.",
    "The ministry of health said hospitals have enough medicine for the winter.",
    "The two leaders discussed trade, energy and security.",
    "Negotiations on the prisoner exchange are continuing.",
    "Officials promised that the reconstruction of the city would be completed soon.",
    "The opposition said it would take part in the next election.",
    "The police chief was appointed by the interior minister last year.",
    "The government plans to hold a referendum on the new constitution.",
    "The report warns that food insecurity will rise in the coming months.",
    "Most residents of the town work in the nearby mines.",
    "The ministry published new rules for journalists working in the conflict zone.",
    "The army has deployed new units along the border in recent months, officials said.",
    "Tensions between the two communities have been growing for years.",
    "The spokesperson said more information would be released later.",
    "Schools in the district will stay closed until further notice because of flooding.",
    "The election commission announced the final turnout figures.",
    "Investors are waiting for the central bank's decision.",
    "Scientists discovered a new species of frog in the rainforest.",
    "The president congratulated the team on winning the championship.",
    "The state broadcaster aired a documentary about the liberation of the city.",
    "The region received record rainfall this month.",
    "The deputy minister stressed the importance of regional cooperation.",
    "The group's leader is believed to be hiding abroad.",
    "The minister said that sanctions will not change the country's policy.",
    "A new round of peace talks is scheduled to begin on Monday.",
)

_CONFLICT_WORDS = re.compile(
    r"\b(kill|dead|death|die|shot|shoot|gun|attack|bomb|blast|explo|strike|shell|rocket|missile|clash|fight|"
    r"battle|war|troop|soldier|army|militar|militia|rebel|insurg|terror|police|arrest|detain|protest|rall|"
    r"demonstrat|riot|march|strike|injur|wound|abduct|kidnap|rape|assault|violen|loot|burn|seiz|captur|"
    r"hostage|weapon|attack|raid|ambush|massacre|murder|stab|fire[ds]?\b)",
    re.IGNORECASE,
)


def ptc_sentences(ptc_dir: Path, limit: int) -> list[str]:
    """Sentences of PTC articles that name no violence, protest or security action (background text)."""
    found: list[str] = []
    for path in sorted((ptc_dir / "articles").glob("*.txt")):
        for line in path.read_text(encoding="utf-8").splitlines()[2:]:
            for sentence in re.split(r"(?<=[.!?])\s+(?=[A-Z\"“])", line.strip()):
                if 40 <= len(sentence) <= 300 and not _CONFLICT_WORDS.search(sentence):
                    found.append(sentence)
    step = max(1, len(found) // limit)
    return found[::step][:limit]
