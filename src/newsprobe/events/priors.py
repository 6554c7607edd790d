"""Label priors: how news tells each ACLED sub-type, as sentence templates written for newsprobe.

The ACLED sample has a handful of notes, or one, for the rare sub-types (suicide bomb, chemical weapon,
grenade, agreement, territory changes, headquarters established); a model that learns only from the notes
reads them as Armed clash or Attack. Each template describes the sub-type the way a reporter would
(ACLED's codebook definition put in news words); filled with a few actors, places and counts, the
templates give every sub-type the same small weight of examples.
"""

from __future__ import annotations

import itertools

from newsprobe.events.taxonomy import NO_EVENT

TEMPLATES: dict[str, tuple[str, ...]] = {
    "Armed clash": (
        "{gov} fought {armed} for several hours on the outskirts of {place}.",
        "Heavy fighting broke out between {gov} and {armed} near {place}, leaving {n} dead.",
        "{armed} ambushed an army patrol near {place}, sparking a gun battle.",
        "Clashes between rival {armed} near {place} killed {n} fighters.",
        "{gov} repelled an attack by {armed} on their positions outside {place}.",
    ),
    "Government regains territory": (
        "Army units cleared {place} of {armed} and now control the whole district, a general said.",
        "{place} is back under government control after {armed} were driven out.",
        "{gov} recaptured {place} from {armed} after a week-long offensive.",
        "The army said it had regained control of {place}, which {armed} had held since last year.",
        "{gov} retook the town of {place} and raised the national flag over the town hall.",
        "Troops liberated {place} from {armed}, the defence ministry announced.",
        "Government forces pushed {armed} out of {place} and restored state control.",
    ),
    "Non-state actor overtakes territory": (
        "{armed} are now in full control of {place}, after the last soldiers fled.",
        "The district of {place} has been taken by {armed}, the local administration admitted.",
        "{armed} seized control of {place} after government troops withdrew.",
        "{armed} overran the town of {place} and took over its police station and market.",
        "{armed} captured {place} from the army following heavy fighting.",
        "{place} fell to {armed}, who now control the main road, residents said.",
        "{armed} took over {place} and hoisted their flag over the district office.",
    ),
    "Chemical weapon": (
        "{n} people died of suffocation after a gas attack on {place}, the health directorate said.",
        "{gov} accused {armed} of using poison gas near {place}.",
        "Residents of {place} reported choking and foaming at the mouth after a suspected chlorine gas attack.",
        "A chemical weapons attack on {place} killed {n} people, among them children, medics said.",
        "Doctors in {place} treated dozens for symptoms consistent with exposure to a nerve agent.",
        "Barrels filled with toxic gas were dropped on {place}, according to rescue workers.",
        "Inspectors said sarin had been used in the attack on {place}.",
    ),
    "Air/drone strike": (
        "An air strike hit a market in {place}, killing {n} people.",
        "Warplanes bombed positions of {armed} near {place}.",
        "A drone struck a vehicle carrying {armed} outside {place}.",
        "Fighter jets carried out several raids on {place} overnight.",
        "A helicopter gunship fired on a convoy near {place}, officials said.",
    ),
    "Suicide bomb": (
        "A suicide attacker detonated an explosive belt at the gates of a base in {place}.",
        "{n} people died when a bomber blew himself up in a bus station in {place}.",
        "A suicide bomber blew himself up at a checkpoint in {place}, killing {n} people.",
        "A suicide car bomb exploded outside a police station in {place}.",
        "An attacker wearing an explosive vest detonated it in a crowded mosque in {place}.",
        "A woman suicide bomber struck a market in {place}, killing herself and {n} shoppers.",
        "The suicide attack on an army base near {place} was claimed by {armed}.",
    ),
    "Shelling/artillery/missile attack": (
        "Artillery shells landed on residential areas of {place}, wounding {n} civilians.",
        "{gov} shelled positions of {armed} near {place}.",
        "A missile struck an apartment block in {place} early this morning.",
        "Mortar rounds hit the outskirts of {place}, the local administration said.",
        "Rockets fired from across the river hit {place}, setting several houses on fire.",
    ),
    "Remote explosive/landmine/IED": (
        "A roadside bomb exploded as an army truck passed near {place}, killing {n} soldiers.",
        "A landmine blast killed {n} herders grazing their cattle near {place}.",
        "An improvised explosive device planted on a motorcycle went off in the market of {place}.",
        "A car bomb exploded near a government office in {place}.",
        "{n} people were hurt when a bomb hidden in a bag detonated at a bus stop in {place}.",
    ),
    "Grenade": (
        "A man threw a hand grenade into a bar in {place}, injuring {n} people.",
        "Attackers lobbed a grenade at a police post in {place}.",
        "A grenade thrown from a passing motorbike exploded outside a shop in {place}.",
        "A grenade attack on a bus station in {place} wounded {n} passengers.",
        "Unknown assailants hurled a grenade at the home of a local politician in {place}.",
    ),
    "Sexual violence": (
        "Soldiers raped {n} women in a village near {place}, a rights group said.",
        "{armed} sexually assaulted a girl after raiding her home in {place}.",
        "A woman was gang-raped by armed men on her way to the fields near {place}.",
        "Survivors described being raped by members of {armed} during the raid on {place}.",
        "Police in {place} opened an inquiry after a teenager was raped by gunmen.",
    ),
    "Attack": (
        "Gunmen shot dead {n} villagers in {place}.",
        "{armed} killed {n} civilians travelling on the road to {place}.",
        "A journalist was stabbed to death outside his home in {place}.",
        "Unidentified attackers opened fire on worshippers in {place}, killing {n}.",
        "{armed} raided a village near {place} and killed farmers in their fields.",
    ),
    "Abduction/forced disappearance": (
        "Gunmen kidnapped {n} students from a school in {place}.",
        "{armed} abducted a local chief near {place} and demanded a ransom.",
        "An activist disappeared after being taken away by men in plain clothes in {place}.",
        "{n} aid workers were seized by {armed} on the road to {place}.",
        "The family of a trader abducted in {place} said they had received no news of him.",
    ),
    "Peaceful protest": (
        "{crowd} marched through {place} to demand higher wages.",
        "{crowd} gathered in front of the town hall in {place} to protest against fuel prices.",
        "{crowd} held a peaceful sit-in outside the ministry in {place}.",
        "{crowd} rallied in {place} against the new law, chanting slogans and waving flags.",
        "{crowd} staged a demonstration in {place} to call for the release of detained activists.",
    ),
    "Protest with intervention": (
        "Police dispersed a peaceful rally in {place} and detained {n} protesters.",
        "{police} broke up a sit-in by {crowd} in {place} with tear gas.",
        "{crowd} protesting in {place} were arrested by {police} before the march began.",
        "{police} stopped a peaceful demonstration in {place} and detained its organisers.",
        "A peaceful vigil in {place} was broken up by {police}, who fired tear gas.",
    ),
    "Excessive force against protesters": (
        "{police} opened fire on peaceful protesters in {place}, killing {n}.",
        "Security forces shot dead {n} unarmed demonstrators during a march in {place}.",
        "{police} beat peaceful marchers with batons and fired live rounds in {place}, killing one.",
        "Troops fired live ammunition at a peaceful crowd in {place}.",
        "A protester was killed when {police} shot into a peaceful sit-in in {place}.",
    ),
    "Violent demonstration": (
        "Protesters threw stones at police and set tyres ablaze in {place}.",
        "Demonstrators torched a police station in {place} during protests over the election.",
        "Rioting protesters smashed shop windows and burned cars in {place}.",
        "{crowd} protesting in {place} attacked government buildings and clashed with riot police.",
        "Angry demonstrators blocked roads with burning barricades and pelted officers in {place}.",
    ),
    "Mob violence": (
        "A mob lynched a man accused of theft in {place}.",
        "Villagers beat to death a suspected witch in {place}.",
        "An angry crowd set fire to the house of a suspected kidnapper in {place}.",
        "Rival groups of villagers fought with machetes in {place}, leaving {n} injured.",
        "A crowd attacked and burned a suspected thief in the market of {place}.",
    ),
    "Agreement": (
        "Delegations of {gov} and {armed} reached a deal on a humanitarian corridor to {place}.",
        "A truce between the two sides came into force after an accord was signed.",
        "The two sides signed a ceasefire agreement in {place}.",
        "{gov} and {armed} agreed to a truce and a prisoner exchange.",
        "Leaders of the armed groups signed a peace deal in {place}, ending months of fighting.",
        "Warring parties agreed to a ceasefire in {place} after talks mediated by elders.",
        "{armed} released {n} hostages under a deal struck with the government.",
    ),
    "Arrests": (
        "Police arrested {n} suspected members of {armed} in {place}.",
        "Security forces detained an opposition leader at his home in {place}.",
        "{n} journalists were arrested in {place} and taken to an unknown location.",
        "Police in {place} detained a man suspected of financing {armed}.",
        "Authorities arrested the organisers of the strike in {place}.",
    ),
    "Change to group/activity": (
        "{armed} announced that they had split from the main group and formed a new faction.",
        "The armed group said it would disband and hand over its weapons.",
        "{armed} declared a new leader after the death of their commander.",
        "Hundreds of {armed} surrendered to the army in {place} and handed in their weapons.",
        "{armed} announced a unilateral ceasefire and a halt to their operations.",
    ),
    "Disrupted weapons use": (
        "{gov} defused a bomb planted under a bridge in {place}.",
        "Air defences shot down {n} drones over {place}.",
        "Police found and destroyed an arms cache near {place}.",
        "Sappers cleared a roadside bomb before it could explode near {place}.",
        "Troops intercepted a missile fired at {place}, the army said.",
    ),
    "Headquarters or base established": (
        "{armed} have turned a farm near {place} into a training camp, villagers said.",
        "A new outpost of {armed} has appeared on the road to {place}.",
        "{armed} set up a new base in the hills above {place}.",
        "The army established a forward operating base in {place}.",
        "{armed} opened an office in {place} to coordinate their operations.",
        "{gov} set up a new military camp outside {place}.",
        "{armed} established a headquarters in an abandoned school in {place}.",
    ),
    "Looting/property destruction": (
        "{armed} looted shops and burned houses in {place}.",
        "Gunmen stole cattle and set fire to granaries in {place}.",
        "Unknown people vandalised a mosque in {place}.",
        "Soldiers plundered homes in {place} after residents fled.",
        "Arsonists set fire to a school in {place} overnight.",
    ),
    "Non-violent transfer of territory": (
        "{armed} handed over {place} to the army as part of a negotiated agreement.",
        "Foreign troops left their base in {place}, which was handed over to the national army.",
        "{gov} withdrew from {place} and handed control to {armed} without a fight.",
        "{armed} took over {place} peacefully after the army left the town.",
        "Control of {place} was handed over to local forces under the deal.",
        "{armed} withdrew from their positions in {place}, which the army entered without resistance.",
        "Troops pulled out of {place}, leaving it to {armed}, residents said.",
    ),
    "Other": (
        "Authorities imposed a state of emergency in {place} and suspended mobile internet.",
        "A court in {place} sentenced a commander of {armed} to prison.",
        "Security forces imposed a curfew in {place} and closed all roads into the town.",
        "{armed} paraded their fighters through {place} in a show of force.",
        "A military tribunal in {place} sentenced {n} members of {armed} to death.",
        "Police seized a ship carrying weapons at the port of {place}.",
        "Troops fired warning shots into the air to disperse a crowd gathered in {place}.",
    ),
}

# "No event" in conflict words: the background, commentary and state of affairs that news about a war is full of.
# The PTC background sentences hold no conflict word at all, so without these the model learns that any
# sentence about armed groups reports an event.
TEMPLATES[NO_EVENT] = (
    "{armed} are demoralised and short of ammunition, according to the commentator.",
    "{armed} still control large parts of the countryside around {place}.",
    "The situation around {place} remains tense, but the front line has not moved.",
    "Experts believe {armed} will try to regroup in the desert.",
    "{gov} are ready to repel any attack on {place}, the minister said.",
    "{armed} first appeared in the region around {place} a decade ago.",
    "There are almost no {armed} left in the province, the state newspaper wrote.",
    "Analysts say the offensive on {place} could take months.",
    "The fighting has forced thousands of families from {place} to flee over the years.",
    "{armed} are believed to receive weapons and money from abroad.",
    "The defeat of {armed} is only a matter of time, the spokesman said.",
    "{gov} have been deployed around {place} since the spring.",
    "The war has left much of {place} in ruins.",
    "Leaders of {armed} have called for new attacks in their propaganda videos.",
    "The army says {place} is now safe for residents to return.",
)

SLOTS: dict[str, tuple[str, ...]] = {
    "gov": ("Government troops", "The army", "Soldiers", "Security forces", "Army units", "The armed forces"),
    "armed": ("militants", "rebels", "insurgents", "jihadist fighters", "separatist fighters", "an armed group"),
    "place": ("Kidal", "Mosul", "Bakhmut", "Maiduguri", "Idlib", "Beni", "Sirte", "Kandahar", "Daraa", "Cali"),
    "n": ("two", "three", "five", "seven", "12", "dozens of"),
    "police": ("Police", "Riot police", "Security forces", "Officers", "Gendarmes", "Soldiers"),
    "crowd": ("Hundreds of people", "Thousands of demonstrators", "Students", "Farmers", "Teachers", "Residents"),
}
FILLS = 6  # slot combinations per template


def _fill(template: str, index: int) -> str:
    """The template with the `index`-th value of every slot (cycled), first letter capitalised."""
    values = {slot: options[(index * (k + 1)) % len(options)] for k, (slot, options) in enumerate(SLOTS.items())}
    text = template.format(**values)
    return text[:1].upper() + text[1:]


def prior_sentences() -> list[tuple[str, str]]:
    """(sentence, sub-type or "no event") pairs: every template filled FILLS times."""
    return [(_fill(template, index), sub_type)
            for sub_type, templates in TEMPLATES.items()
            for template, index in itertools.product(templates, range(FILLS))]
