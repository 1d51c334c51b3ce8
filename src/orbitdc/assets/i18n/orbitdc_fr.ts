<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name></name>
    <message>
        <location filename="../../app/export_actions.py" line="43"/>
        <source>Save screenshot</source>
        <translation>Enregistrer la capture d’écran</translation>
    </message>
    <message>
        <location filename="../../app/export_actions.py" line="44"/>
        <source>PNG images (*.png)</source>
        <translation>Images PNG (*.png)</translation>
    </message>
    <message>
        <location filename="../../app/export_actions.py" line="49"/>
        <source>Screenshot</source>
        <translation>Capture d’écran</translation>
    </message>
    <message>
        <location filename="../../app/export_actions.py" line="68"/>
        <location filename="../../app/export_actions.py" line="90"/>
        <source>Export telemetry</source>
        <translation>Exporter la télémétrie</translation>
    </message>
    <message>
        <location filename="../../app/export_actions.py" line="69"/>
        <source>CSV files (*.csv)</source>
        <translation>Fichiers CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../../app/export_actions.py" line="69"/>
        <source>Parquet files (*.parquet)</source>
        <translation>Fichiers Parquet (*.parquet)</translation>
    </message>
    <message>
        <location filename="../../app/export_actions.py" line="74"/>
        <source>Writing telemetry…</source>
        <translation>Écriture de la télémétrie…</translation>
    </message>
    <message>
        <location filename="../../app/export_actions.py" line="74"/>
        <location filename="../../app/export_dialog.py" line="284"/>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <location filename="../../app/export_actions.py" line="99"/>
        <source>Data: JPL DE421 ephemeris (skyfield-data); NASA Blue Marble Next Generation (Reto Stöckli, NASA Earth Observatory) and NASA Visible Earth city lights; SGP4 (Vallado et al.).</source>
        <translation>Données&#xa0;: éphémérides JPL DE421 (skyfield-data)&#xa0;; NASA Blue Marble Next Generation (Reto Stöckli, NASA Earth Observatory) et lumières des villes NASA Visible Earth&#xa0;; SGP4 (Vallado et al.).</translation>
    </message>
    <message>
        <location filename="../../app/export_actions.py" line="102"/>
        <source>orbital data centers, in sunlight and shadow.</source>
        <translation>des centres de données en orbite, entre soleil et ombre.</translation>
    </message>
    <message>
        <location filename="../../app/menus.py" line="34"/>
        <source>Orbit paths</source>
        <translation>Orbites</translation>
    </message>
    <message>
        <location filename="../../app/menus.py" line="34"/>
        <source>Ground track of the selected satellite</source>
        <translation>Trace au sol du satellite sélectionné</translation>
    </message>
    <message>
        <location filename="../../app/menus.py" line="35"/>
        <source>Earth&apos;s shadow</source>
        <translation>Ombre de la Terre</translation>
    </message>
    <message>
        <location filename="../../app/menus.py" line="35"/>
        <source>Sun direction</source>
        <translation>Direction du Soleil</translation>
    </message>
    <message>
        <location filename="../../app/menus.py" line="35"/>
        <source>Stars</source>
        <translation>Étoiles</translation>
    </message>
    <message>
        <location filename="../../app/menus.py" line="36"/>
        <source>Atmosphere</source>
        <translation>Atmosphère</translation>
    </message>
    <message>
        <location filename="../../app/menus.py" line="36"/>
        <source>Legend</source>
        <translation>Légende</translation>
    </message>
    <message>
        <location filename="../../app/menus.py" line="37"/>
        <source>Ground stations</source>
        <translation>Stations sol</translation>
    </message>
    <message>
        <location filename="../../app/menus.py" line="37"/>
        <source>Station footprints</source>
        <translation>Couverture des stations</translation>
    </message>
    <message>
        <location filename="../../app/menus.py" line="38"/>
        <source>Contact lines</source>
        <translation>Lignes de contact</translation>
    </message>
    <message>
        <location filename="../../app/menus.py" line="38"/>
        <source>Inter-satellite links</source>
        <translation>Liaisons intersatellites</translation>
    </message>
    <message>
        <location filename="../../app/menus.py" line="39"/>
        <source>Radiation (protons &gt; 10 MeV)</source>
        <translation>Rayonnement (protons &gt; 10 MeV)</translation>
    </message>
    <message>
        <location filename="../../app/menus.py" line="39"/>
        <source>Satellite names</source>
        <translation>Noms des satellites</translation>
    </message>
    <message>
        <location filename="../../app/menus.py" line="44"/>
        <source>Illumination</source>
        <translation>Ensoleillement</translation>
    </message>
    <message>
        <location filename="../../app/menus.py" line="44"/>
        <source>Battery charge</source>
        <translation>État de charge de la batterie</translation>
    </message>
    <message>
        <location filename="../../app/menus.py" line="45"/>
        <source>Electronics temperature</source>
        <translation>Température de l’électronique</translation>
    </message>
    <message>
        <location filename="../../app/menus.py" line="45"/>
        <source>Throughput</source>
        <translation>Débit de calcul</translation>
    </message>
    <message>
        <location filename="../../app/menus.py" line="46"/>
        <source>Proton flux &gt; 10 MeV</source>
        <translation>Flux de protons &gt; 10 MeV</translation>
    </message>
    <message>
        <location filename="../../app/menus.py" line="212"/>
        <source>Open scenario</source>
        <translation>Ouvrir un scénario</translation>
    </message>
    <message>
        <location filename="../../app/menus.py" line="213"/>
        <source>Scenarios (*.toml);;All files (*)</source>
        <translation>Scénarios (*.toml);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <location filename="../../app/menus.py" line="228"/>
        <source>File not found: %1</source>
        <translation>Fichier introuvable&#xa0;: %1</translation>
    </message>
    <message>
        <location filename="../../app/menus.py" line="234"/>
        <source>About OrbitDC</source>
        <translation>À propos d’OrbitDC</translation>
    </message>
    <message>
        <location filename="../../app/menus.py" line="238"/>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <location filename="../../app/menus.py" line="239"/>
        <source>&amp;View</source>
        <translation>&amp;Affichage</translation>
    </message>
    <message>
        <location filename="../../app/menus.py" line="240"/>
        <source>&amp;Help</source>
        <translation>Aid&amp;e</translation>
    </message>
    <message>
        <location filename="../../app/menus.py" line="241"/>
        <source>&amp;Open scenario…</source>
        <translation>&amp;Ouvrir un scénario…</translation>
    </message>
    <message>
        <location filename="../../app/menus.py" line="242"/>
        <source>Open &amp;recent</source>
        <translation>Scénarios &amp;récents</translation>
    </message>
    <message>
        <location filename="../../app/menus.py" line="243"/>
        <source>&amp;Presets</source>
        <translation>Scénarios &amp;prédéfinis</translation>
    </message>
    <message>
        <location filename="../../app/menus.py" line="244"/>
        <source>Open &amp;trade study…</source>
        <translation>Ouvrir une étude de co&amp;mpromis…</translation>
    </message>
    <message>
        <location filename="../../app/menus.py" line="245"/>
        <source>R&amp;un trade study…</source>
        <translation>&amp;Lancer une étude de compromis…</translation>
    </message>
    <message>
        <location filename="../../app/menus.py" line="246"/>
        <source>Export &amp;animation…</source>
        <translation>Exporter une &amp;animation…</translation>
    </message>
    <message>
        <location filename="../../app/menus.py" line="247"/>
        <source>Export te&amp;lemetry (CSV, Parquet)…</source>
        <translation>Exporter la &amp;télémétrie (CSV, Parquet)…</translation>
    </message>
    <message>
        <location filename="../../app/menus.py" line="248"/>
        <source>Export &amp;chart…</source>
        <translation>Exporter un &amp;graphique…</translation>
    </message>
    <message>
        <location filename="../../app/menus.py" line="249"/>
        <source>&amp;Screenshot…</source>
        <translation>&amp;Capture d’écran…</translation>
    </message>
    <message>
        <location filename="../../app/menus.py" line="250"/>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <location filename="../../app/menus.py" line="251"/>
        <source>&amp;Layers</source>
        <translation>&amp;Calques</translation>
    </message>
    <message>
        <location filename="../../app/menus.py" line="254"/>
        <location filename="../../app/menus.py" line="259"/>
        <source>&amp;Colour satellites by</source>
        <translation>C&amp;olorer les satellites selon</translation>
    </message>
    <message>
        <location filename="../../app/menus.py" line="261"/>
        <source>&amp;Frame</source>
        <translation>&amp;Référentiel</translation>
    </message>
    <message>
        <location filename="../../app/menus.py" line="262"/>
        <source>Inertial (stars fixed, Earth turns)</source>
        <translation>Inertiel (étoiles fixes, la Terre tourne)</translation>
    </message>
    <message>
        <location filename="../../app/menus.py" line="263"/>
        <source>Earth-fixed (Earth still, Sun moves)</source>
        <translation>Lié à la Terre (Terre immobile, le Soleil se déplace)</translation>
    </message>
    <message>
        <location filename="../../app/menus.py" line="264"/>
        <source>&amp;Reset view</source>
        <translation>Réinitialiser la &amp;vue</translation>
    </message>
    <message>
        <location filename="../../app/menus.py" line="265"/>
        <source>F&amp;ollow selected satellite</source>
        <translation>&amp;Suivre le satellite sélectionné</translation>
    </message>
    <message>
        <location filename="../../app/menus.py" line="266"/>
        <source>&amp;Panels</source>
        <translation>&amp;Panneaux</translation>
    </message>
    <message>
        <location filename="../../app/menus.py" line="267"/>
        <source>F&amp;ull screen</source>
        <translation>P&amp;lein écran</translation>
    </message>
    <message>
        <location filename="../../app/menus.py" line="268"/>
        <source>&amp;Presentation mode</source>
        <translation>&amp;Mode présentation</translation>
    </message>
    <message>
        <location filename="../../app/menus.py" line="269"/>
        <source>Presentation mode s&amp;hows</source>
        <translation>Le mode présentation a&amp;ffiche</translation>
    </message>
    <message>
        <location filename="../../app/menus.py" line="272"/>
        <source>The inspector, in large type</source>
        <translation>L’inspecteur, en grands caractères</translation>
    </message>
    <message>
        <location filename="../../app/menus.py" line="273"/>
        <source>Lan&amp;guage</source>
        <translation>Lan&amp;gue</translation>
    </message>
    <message>
        <location filename="../../app/menus.py" line="276"/>
        <source>&amp;About OrbitDC</source>
        <translation>À &amp;propos d’OrbitDC</translation>
    </message>
    <message>
        <location filename="../../widgets/units.py" line="131"/>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <location filename="../../widgets/units.py" line="134"/>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <location filename="../../widgets/units.py" line="137"/>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <location filename="../../widgets/units.py" line="139"/>
        <source>%1 d %2 h</source>
        <translation>%1 j %2 h</translation>
    </message>
    <message>
        <location filename="../../widgets/units.py" line="145"/>
        <source>in %1</source>
        <translation>dans %1</translation>
    </message>
    <message>
        <location filename="../../widgets/units.py" line="146"/>
        <source>%1 ago</source>
        <translation>il y a %1</translation>
    </message>
    <message>
        <location filename="../../app/export_dialog.py" line="284"/>
        <source>Exporting…</source>
        <translation>Export en cours…</translation>
    </message>
    <message>
        <location filename="../../app/export_dialog.py" line="293"/>
        <source>Exporting… about %1 s left</source>
        <translation>Export en cours… environ %1 s restantes</translation>
    </message>
    <message>
        <location filename="../../app/export_dialog.py" line="313"/>
        <location filename="../../app/export_dialog.py" line="324"/>
        <source>Export animation</source>
        <translation>Exporter une animation</translation>
    </message>
    <message>
        <location filename="../../app/export_dialog.py" line="325"/>
        <source>Exported %1 frames (%2 × %3, %4 s) to:</source>
        <translation>%1 images exportées (%2 × %3, %4&#xa0;s) dans&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../app/export_dialog.py" line="331"/>
        <source>Show in folder</source>
        <translation>Afficher dans le dossier</translation>
    </message>
    <message>
        <location filename="../../widgets/link_text.py" line="37"/>
        <source>PB</source>
        <translation>Po</translation>
    </message>
    <message>
        <location filename="../../widgets/link_text.py" line="37"/>
        <source>TB</source>
        <translation>To</translation>
    </message>
    <message>
        <location filename="../../widgets/link_text.py" line="37"/>
        <source>GB</source>
        <translation>Go</translation>
    </message>
    <message>
        <location filename="../../widgets/link_text.py" line="37"/>
        <source>MB</source>
        <translation>Mo</translation>
    </message>
    <message>
        <location filename="../../widgets/link_text.py" line="93"/>
        <source>no contact before the end of the run</source>
        <translation>aucun contact d’ici la fin de la simulation</translation>
    </message>
    <message>
        <location filename="../../widgets/link_text.py" line="96"/>
        <source>%1 since %2 (%3), %4 long</source>
        <translation>%1 depuis %2 (%3), durée %4</translation>
    </message>
    <message>
        <location filename="../../widgets/link_text.py" line="96"/>
        <source>%1 at %2 (%3), %4 long</source>
        <translation>%1 à %2 (%3), durée %4</translation>
    </message>
    <message>
        <location filename="../../widgets/link_text.py" line="101"/>
        <source>clouded out</source>
        <translation>ciel couvert</translation>
    </message>
    <message>
        <location filename="../../widgets/link_text.py" line="122"/>
        <source>%1 (%2 of %3 storage)</source>
        <translation>%1 (%2 des %3 de stockage)</translation>
    </message>
    <message>
        <location filename="../../widgets/link_text.py" line="132"/>
        <source>none in range</source>
        <translation>aucun à portée</translation>
    </message>
    <message>
        <location filename="../../widgets/link_text.py" line="136"/>
        <source>%1: %2</source>
        <translation>%1&#xa0;: %2</translation>
    </message>
    <message>
        <location filename="../../widgets/radiation_text.py" line="101"/>
        <source>— (above the model&apos;s 2,000 km)</source>
        <translation>— (au-delà des 2 000 km du modèle)</translation>
    </message>
    <message>
        <location filename="../../widgets/radiation_text.py" line="102"/>
        <source>%1 rad(Si) since the start</source>
        <translation>%1 rad(Si) depuis le début</translation>
    </message>
    <message>
        <location filename="../../widgets/radiation_text.py" line="109"/>
        <source>%1 rad/day behind %2 mm Al</source>
        <translation>%1 rad/jour derrière %2 mm d’Al</translation>
    </message>
    <message>
        <location filename="../../app/trade_study.py" line="85"/>
        <source>Trade study — %1</source>
        <translation>Étude de compromis — %1</translation>
    </message>
    <message>
        <location filename="../../app/trade_study.py" line="99"/>
        <source>Cannot open this design</source>
        <translation>Impossible d’ouvrir cette variante</translation>
    </message>
    <message>
        <location filename="../../app/trade_study.py" line="100"/>
        <source>The previous scenario stays loaded.</source>
        <translation>Le scénario précédent reste chargé.</translation>
    </message>
    <message>
        <location filename="../../app/trade_study.py" line="104"/>
        <source>Opening design %1 in the mission view…</source>
        <translation>Ouverture de la variante %1 dans la vue de mission…</translation>
    </message>
    <message>
        <location filename="../../app/trade_study.py" line="127"/>
        <source>Cannot open trade study</source>
        <translation>Impossible d’ouvrir l’étude de compromis</translation>
    </message>
    <message>
        <location filename="../../app/trade_study.py" line="137"/>
        <source>Open trade study</source>
        <translation>Ouvrir une étude de compromis</translation>
    </message>
    <message>
        <location filename="../../app/trade_study.py" line="138"/>
        <source>Trade study results (*.csv *.parquet *.pq);;All files (*)</source>
        <translation>Résultats d’étude de compromis (*.csv *.parquet *.pq);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <location filename="../../app/trade_sweep.py" line="62"/>
        <source>Run trade study</source>
        <translation>Lancer une étude de compromis</translation>
    </message>
    <message>
        <location filename="../../app/trade_sweep.py" line="73"/>
        <source>Choose a base scenario and a results file.</source>
        <translation>Choisissez un scénario de base et un fichier de résultats.</translation>
    </message>
    <message>
        <location filename="../../app/trade_sweep.py" line="78"/>
        <source>Checking every variant…</source>
        <translation>Vérification de chaque variante…</translation>
    </message>
    <message>
        <location filename="../../app/trade_sweep.py" line="104"/>
        <source>Stopping…</source>
        <translation>Arrêt en cours…</translation>
    </message>
    <message>
        <location filename="../../app/trade_sweep.py" line="120"/>
        <source>Stopped: %1 designs written to %2</source>
        <translation>Arrêtée&#xa0;: %1 variantes écrites dans %2</translation>
    </message>
    <message>
        <location filename="../../app/trade_sweep.py" line="121"/>
        <source>Done: %1 designs written to %2</source>
        <translation>Terminée&#xa0;: %1 variantes écrites dans %2</translation>
    </message>
    <message>
        <location filename="../../app/filters.py" line="38"/>
        <source>%1 satellites</source>
        <translation>%1 satellites</translation>
    </message>
    <message>
        <location filename="../../app/filters.py" line="39"/>
        <source>%1 satellites · %2 shown</source>
        <translation>%1 satellites · %2 affichés</translation>
    </message>
    <message>
        <location filename="../../app/filters.py" line="182"/>
        <source>Isolate “%1”</source>
        <translation>Isoler «&#xa0;%1&#xa0;»</translation>
    </message>
    <message>
        <location filename="../../app/filters.py" line="185"/>
        <source>Undo isolate</source>
        <translation>Annuler l’isolement</translation>
    </message>
    <message>
        <location filename="../../app/filters.py" line="188"/>
        <source>Show all satellites</source>
        <translation>Afficher tous les satellites</translation>
    </message>
    <message>
        <location filename="../../app/filters.py" line="193"/>
        <source>&amp;Edit</source>
        <translation>É&amp;dition</translation>
    </message>
    <message>
        <location filename="../../app/filters.py" line="194"/>
        <source>&amp;Find satellite…</source>
        <translation>&amp;Rechercher un satellite…</translation>
    </message>
    <message>
        <location filename="../../app/filters.py" line="195"/>
        <source>F&amp;ilter</source>
        <translation>F&amp;iltre</translation>
    </message>
    <message>
        <location filename="../../app/filters.py" line="196"/>
        <source>Filter &amp;bar</source>
        <translation>&amp;Barre de filtres</translation>
    </message>
    <message>
        <location filename="../../app/filters.py" line="197"/>
        <source>Orbit &amp;rings</source>
        <translation>Orbi&amp;tes</translation>
    </message>
    <message>
        <location filename="../../app/filters.py" line="198"/>
        <source>The selected satellite&apos;s plane</source>
        <translation>Le plan du satellite sélectionné</translation>
    </message>
    <message>
        <location filename="../../app/filters.py" line="199"/>
        <source>All planes (up to %1)</source>
        <translation>Tous les plans (%1 au plus)</translation>
    </message>
    <message>
        <location filename="../../app/filters.py" line="201"/>
        <source>Filter bar</source>
        <translation>Barre de filtres</translation>
    </message>
    <message>
        <location filename="../../widgets/chart_dialog.py" line="109"/>
        <location filename="../../widgets/panels/chart_menu.py" line="58"/>
        <location filename="../../widgets/panels/chart_menu.py" line="66"/>
        <source>Export chart</source>
        <translation>Exporter le graphique</translation>
    </message>
    <message>
        <location filename="../../widgets/chart_dialog.py" line="109"/>
        <source>Panel:</source>
        <translation>Panneau&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/chart_menu.py" line="57"/>
        <source>PNG image (*.png)</source>
        <translation>Image PNG (*.png)</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/chart_menu.py" line="57"/>
        <source>SVG drawing (*.svg)</source>
        <translation>Dessin SVG (*.svg)</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/chart_menu.py" line="67"/>
        <source>Cannot export the chart: %1</source>
        <translation>Impossible d’exporter le graphique&#xa0;: %1</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/chart_menu.py" line="95"/>
        <source>Export chart…</source>
        <translation>Exporter le graphique…</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/chart_menu.py" line="98"/>
        <source>Copy values as CSV</source>
        <translation>Copier les valeurs en CSV</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/chart_values.py" line="80"/>
        <source>Time (UTC)</source>
        <translation>Heure (UTC)</translation>
    </message>
    <message>
        <location filename="../../app/show.py" line="124"/>
        <source>Open tour</source>
        <translation>Ouvrir une visite</translation>
    </message>
    <message>
        <location filename="../../app/show.py" line="125"/>
        <source>Tours (*.toml);;All files (*)</source>
        <translation>Visites (*.toml);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <location filename="../../app/show.py" line="137"/>
        <source>Cannot open tour</source>
        <translation>Impossible d’ouvrir la visite</translation>
    </message>
    <message>
        <location filename="../../app/show.py" line="187"/>
        <source>Save current view</source>
        <translation>Enregistrer la vue actuelle</translation>
    </message>
    <message>
        <location filename="../../app/show.py" line="187"/>
        <source>Name:</source>
        <translation>Nom :</translation>
    </message>
    <message>
        <location filename="../../app/show.py" line="188"/>
        <location filename="../../app/show.py" line="198"/>
        <source>View %1</source>
        <translation>Vue %1</translation>
    </message>
    <message>
        <location filename="../../app/show.py" line="277"/>
        <source>&amp;Bookmarks</source>
        <translation>Sig&amp;nets</translation>
    </message>
    <message>
        <location filename="../../app/show.py" line="278"/>
        <source>&amp;Save current view…</source>
        <translation>&amp;Enregistrer la vue actuelle…</translation>
    </message>
    <message>
        <location filename="../../app/show.py" line="279"/>
        <source>Op&amp;en tour…</source>
        <translation>Ouvrir une &amp;visite…</translation>
    </message>
    <message>
        <location filename="../../app/show.py" line="280"/>
        <source>&amp;Reset to the scenario&apos;s opening view</source>
        <translation>Revenir à la &amp;vue d&apos;ouverture du scénario</translation>
    </message>
    <message>
        <location filename="../../app/show.py" line="281"/>
        <source>Pl&amp;ay the tour</source>
        <translation>&amp;Jouer la visite</translation>
    </message>
    <message>
        <location filename="../../app/show.py" line="282"/>
        <source>On launch, pla&amp;y at</source>
        <translation>Au lancement, lir&amp;e à</translation>
    </message>
    <message>
        <location filename="../../app/show.py" line="284"/>
        <source>Don&apos;t play</source>
        <translation>Ne pas lire</translation>
    </message>
</context>
<context>
    <name>ChartSizeDialog</name>
    <message>
        <location filename="../../widgets/chart_dialog.py" line="46"/>
        <source>Export chart</source>
        <translation>Exporter le graphique</translation>
    </message>
    <message>
        <location filename="../../widgets/chart_dialog.py" line="50"/>
        <source>Custom</source>
        <translation>Personnalisée</translation>
    </message>
    <message>
        <location filename="../../widgets/chart_dialog.py" line="58"/>
        <source>PNG image</source>
        <translation>Image PNG</translation>
    </message>
    <message>
        <location filename="../../widgets/chart_dialog.py" line="59"/>
        <source>SVG drawing</source>
        <translation>Dessin SVG</translation>
    </message>
    <message>
        <location filename="../../widgets/chart_dialog.py" line="66"/>
        <source>Size:</source>
        <translation>Taille&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../widgets/chart_dialog.py" line="67"/>
        <source>Width × height:</source>
        <translation>Largeur × hauteur&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../widgets/chart_dialog.py" line="68"/>
        <source>Format:</source>
        <translation>Format&#xa0;:</translation>
    </message>
</context>
<context>
    <name>ComputePanel</name>
    <message>
        <location filename="../../widgets/panels/compute.py" line="44"/>
        <source>Compute</source>
        <translation>Calcul</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/compute.py" line="64"/>
        <source>Throughput</source>
        <translation>Débit de calcul</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/compute.py" line="65"/>
        <source>Capacity</source>
        <translation>Capacité</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/compute.py" line="66"/>
        <source>Throttled: power</source>
        <translation>Bridé&#xa0;: puissance</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/compute.py" line="67"/>
        <source>Throttled: thermal</source>
        <translation>Bridé&#xa0;: thermique</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/compute.py" line="69"/>
        <source>satellites</source>
        <translation>satellites</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/compute.py" line="75"/>
        <source>Throughput (%1)</source>
        <translation>Débit (%1)</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/compute.py" line="64"/>
        <source>Throttled satellites</source>
        <translation>Satellites bridés</translation>
    </message>
</context>
<context>
    <name>EconomicsEditor</name>
    <message>
        <location filename="../../widgets/economics_editor.py" line="38"/>
        <source>Launch price</source>
        <translation>Prix du lancement</translation>
    </message>
    <message>
        <location filename="../../widgets/economics_editor.py" line="39"/>
        <source>Life in orbit</source>
        <translation>Durée de vie en orbite</translation>
    </message>
    <message>
        <location filename="../../widgets/economics_editor.py" line="40"/>
        <source>Mass per satellite</source>
        <translation>Masse par satellite</translation>
    </message>
    <message>
        <location filename="../../widgets/economics_editor.py" line="41"/>
        <source>Array specific power</source>
        <translation>Puissance massique du panneau</translation>
    </message>
    <message>
        <location filename="../../widgets/economics_editor.py" line="42"/>
        <source>Battery specific energy</source>
        <translation>Énergie massique de la batterie</translation>
    </message>
    <message>
        <location filename="../../widgets/economics_editor.py" line="43"/>
        <source>Radiator mass</source>
        <translation>Masse du radiateur</translation>
    </message>
    <message>
        <location filename="../../widgets/economics_editor.py" line="44"/>
        <source>Mass per GPU</source>
        <translation>Masse par GPU</translation>
    </message>
    <message>
        <location filename="../../widgets/economics_editor.py" line="45"/>
        <source>Shielded area per GPU</source>
        <translation>Surface blindée par GPU</translation>
    </message>
    <message>
        <location filename="../../widgets/economics_editor.py" line="46"/>
        <source>Bus share of the mass</source>
        <translation>Part de la plateforme dans la masse</translation>
    </message>
    <message>
        <location filename="../../widgets/economics_editor.py" line="47"/>
        <source>Price per GPU</source>
        <translation>Prix par GPU</translation>
    </message>
    <message>
        <location filename="../../widgets/economics_editor.py" line="48"/>
        <source>Array price</source>
        <translation>Prix du panneau solaire</translation>
    </message>
    <message>
        <location filename="../../widgets/economics_editor.py" line="49"/>
        <source>Battery price</source>
        <translation>Prix de la batterie</translation>
    </message>
    <message>
        <location filename="../../widgets/economics_editor.py" line="50"/>
        <source>Radiator price</source>
        <translation>Prix du radiateur</translation>
    </message>
    <message>
        <location filename="../../widgets/economics_editor.py" line="51"/>
        <source>Bus price</source>
        <translation>Prix de la plateforme</translation>
    </message>
    <message>
        <location filename="../../widgets/economics_editor.py" line="52"/>
        <source>Shielding price</source>
        <translation>Prix du blindage</translation>
    </message>
    <message>
        <location filename="../../widgets/economics_editor.py" line="53"/>
        <source>Integration and test</source>
        <translation>Intégration et essais</translation>
    </message>
    <message>
        <location filename="../../widgets/economics_editor.py" line="54"/>
        <source>Operations</source>
        <translation>Exploitation</translation>
    </message>
    <message>
        <location filename="../../widgets/economics_editor.py" line="55"/>
        <source>Operations per satellite</source>
        <translation>Exploitation par satellite</translation>
    </message>
    <message>
        <location filename="../../widgets/economics_editor.py" line="57"/>
        <source>Ground electricity</source>
        <translation>Électricité au sol</translation>
    </message>
    <message>
        <location filename="../../widgets/economics_editor.py" line="59"/>
        <source>Ground PUE</source>
        <translation>PUE au sol</translation>
    </message>
    <message>
        <location filename="../../widgets/economics_editor.py" line="60"/>
        <source>Ground construction</source>
        <translation>Construction au sol</translation>
    </message>
    <message>
        <location filename="../../widgets/economics_editor.py" line="61"/>
        <source>Ground building life</source>
        <translation>Durée de vie du bâtiment</translation>
    </message>
    <message>
        <location filename="../../widgets/economics_editor.py" line="62"/>
        <source>Ground operations</source>
        <translation>Exploitation au sol</translation>
    </message>
    <message>
        <location filename="../../widgets/economics_editor.py" line="64"/>
        <source>Ground water</source>
        <translation>Eau au sol</translation>
    </message>
    <message>
        <location filename="../../widgets/economics_editor.py" line="65"/>
        <source>Ground utilisation</source>
        <translation>Utilisation au sol</translation>
    </message>
    <message>
        <location filename="../../widgets/economics_editor.py" line="68"/>
        <source>USD/kg</source>
        <translation>USD/kg</translation>
    </message>
    <message>
        <location filename="../../widgets/economics_editor.py" line="69"/>
        <source>years</source>
        <translation>ans</translation>
    </message>
    <message>
        <location filename="../../widgets/economics_editor.py" line="71"/>
        <source>USD</source>
        <translation>USD</translation>
    </message>
    <message>
        <location filename="../../widgets/economics_editor.py" line="72"/>
        <source>USD/W</source>
        <translation>USD/W</translation>
    </message>
    <message>
        <location filename="../../widgets/economics_editor.py" line="73"/>
        <source>USD/kWh</source>
        <translation>USD/kWh</translation>
    </message>
    <message>
        <location filename="../../widgets/economics_editor.py" line="74"/>
        <source>USD/m²</source>
        <translation>USD/m²</translation>
    </message>
    <message>
        <location filename="../../widgets/economics_editor.py" line="75"/>
        <source>USD/year</source>
        <translation>USD/an</translation>
    </message>
    <message>
        <location filename="../../widgets/economics_editor.py" line="76"/>
        <source>USD/MW</source>
        <translation>USD/MW</translation>
    </message>
    <message>
        <location filename="../../widgets/economics_editor.py" line="151"/>
        <source>Economics</source>
        <translation>Économie</translation>
    </message>
    <message>
        <location filename="../../widgets/economics_editor.py" line="152"/>
        <source>The [economics] assumptions: the Economics panel is recomputed at once, without simulating again</source>
        <translation>Les hypothèses [economics] : le panneau Économie est recalculé aussitôt, sans nouvelle simulation</translation>
    </message>
    <message>
        <location filename="../../widgets/economics_editor.py" line="154"/>
        <source>Reset</source>
        <translation>Rétablir</translation>
    </message>
    <message>
        <location filename="../../widgets/economics_editor.py" line="155"/>
        <source>Back to the scenario&apos;s [economics] values</source>
        <translation>Revenir aux valeurs [economics] du scénario</translation>
    </message>
    <message>
        <location filename="../../widgets/economics_editor.py" line="159"/>
        <source>USD/MW/year</source>
        <translation>USD/MW/an</translation>
    </message>
    <message>
        <location filename="../../widgets/economics_editor.py" line="164"/>
        <source>auto</source>
        <translation>auto</translation>
    </message>
    <message>
        <location filename="../../widgets/economics_editor.py" line="165"/>
        <source>auto: the spacecraft&apos;s mass_kg, else the mass model</source>
        <translation>auto : le mass_kg du satellite, sinon le modèle de masse</translation>
    </message>
</context>
<context>
    <name>EconomicsPanel</name>
    <message>
        <location filename="../../widgets/panels/economics.py" line="177"/>
        <source>Reset</source>
        <translation>Rétablir</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/economics.py" line="178"/>
        <source>Back to the scenario&apos;s [economics] values</source>
        <translation>Revenir aux valeurs [economics] du scénario</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/economics.py" line="179"/>
        <source>Export chart…</source>
        <translation>Exporter le graphique…</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/economics.py" line="180"/>
        <source>Save the four charts as shown, for slides: PNG (twice the size on screen) or SVG</source>
        <translation>Enregistrer les quatre graphiques tels qu’affichés, pour des diapositives&#xa0;: PNG (deux fois la taille à l’écran) ou SVG</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/economics.py" line="228"/>
        <source>Cannot compute the costs: %1</source>
        <translation>Impossible de calculer les coûts&#xa0;: %1</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/economics.py" line="242"/>
        <source>No scenario loaded</source>
        <translation>Aucun scénario chargé</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/economics.py" line="250"/>
        <source>billion USD</source>
        <translation>milliards USD</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/economics.py" line="250"/>
        <source>million USD</source>
        <translation>millions USD</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/economics.py" line="251"/>
        <source>thousand USD</source>
        <translation>milliers USD</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/economics.py" line="251"/>
        <location filename="../../widgets/panels/economics.py" line="305"/>
        <source>USD</source>
        <translation>USD</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/economics.py" line="258"/>
        <source>Cost over the life (%1)</source>
        <translation>Coût sur la durée de vie (%1)</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/economics.py" line="260"/>
        <source>Each input at</source>
        <translation>Chaque entrée à</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/economics.py" line="264"/>
        <source>Launch price (USD/kg)</source>
        <translation>Prix du lancement (USD/kg)</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/economics.py" line="265"/>
        <source>%1 / PFLOPS-year</source>
        <translation>%1 / PFLOPS-an</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/economics.py" line="268"/>
        <source>launched: %1 kg</source>
        <translation>lancée&#xa0;: %1 kg</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/economics_names.py" line="13"/>
        <source>Launch</source>
        <translation>Lancement</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/economics_names.py" line="14"/>
        <source>Hardware</source>
        <translation>Matériel</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/economics_names.py" line="15"/>
        <source>Operations</source>
        <translation>Exploitation</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/economics_names.py" line="16"/>
        <source>Construction</source>
        <translation>Construction</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/economics_names.py" line="17"/>
        <source>Energy</source>
        <translation>Énergie</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/economics_names.py" line="18"/>
        <source>Cooling</source>
        <translation>Refroidissement</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/economics_names.py" line="21"/>
        <source>Array</source>
        <translation>Panneaux</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/economics_names.py" line="22"/>
        <source>Battery</source>
        <translation>Batterie</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/economics_names.py" line="23"/>
        <source>Radiator</source>
        <translation>Radiateur</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/economics_names.py" line="24"/>
        <source>GPUs</source>
        <translation>GPU</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/economics_names.py" line="25"/>
        <source>Shielding</source>
        <translation>Blindage</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/economics_names.py" line="26"/>
        <source>Bus</source>
        <translation>Plateforme</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/economics.py" line="280"/>
        <location filename="../../widgets/panels/economics.py" line="282"/>
        <source>Space</source>
        <translation>Espace</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/economics.py" line="280"/>
        <location filename="../../widgets/panels/economics.py" line="282"/>
        <source>Ground</source>
        <translation>Sol</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/economics_names.py" line="29"/>
        <source>Launch price</source>
        <translation>Prix du lancement</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/economics_names.py" line="30"/>
        <source>Life</source>
        <translation>Durée de vie</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/economics_names.py" line="31"/>
        <source>Mass</source>
        <translation>Masse</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/economics_names.py" line="32"/>
        <source>Array W/kg</source>
        <translation>Panneaux W/kg</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/economics_names.py" line="33"/>
        <source>Battery Wh/kg</source>
        <translation>Batterie Wh/kg</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/economics_names.py" line="34"/>
        <source>Radiator kg/m²</source>
        <translation>Radiateur kg/m²</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/economics_names.py" line="35"/>
        <source>GPU mass</source>
        <translation>Masse GPU</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/economics_names.py" line="36"/>
        <source>Shielded area</source>
        <translation>Surface blindée</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/economics_names.py" line="37"/>
        <source>Bus share</source>
        <translation>Part plateforme</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/economics_names.py" line="38"/>
        <source>GPU price</source>
        <translation>Prix GPU</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/economics_names.py" line="39"/>
        <source>Array USD/W</source>
        <translation>Panneaux USD/W</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/economics_names.py" line="40"/>
        <source>Battery USD/kWh</source>
        <translation>Batterie USD/kWh</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/economics_names.py" line="41"/>
        <source>Radiator USD/m²</source>
        <translation>Radiateur USD/m²</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/economics_names.py" line="42"/>
        <source>Bus USD/kg</source>
        <translation>Plateforme USD/kg</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/economics_names.py" line="43"/>
        <source>Shielding USD/kg</source>
        <translation>Blindage USD/kg</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/economics_names.py" line="44"/>
        <source>Integration</source>
        <translation>Intégration</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/economics_names.py" line="45"/>
        <source>Operations/yr</source>
        <translation>Exploitation/an</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/economics_names.py" line="46"/>
        <source>Ops/satellite/yr</source>
        <translation>Expl./satellite/an</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/economics.py" line="311"/>
        <source>none</source>
        <translation>aucun</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/economics.py" line="285"/>
        <location filename="../../widgets/panels/economics.py" line="312"/>
        <source>%1 USD/kg</source>
        <translation>%1 USD/kg</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/economics.py" line="172"/>
        <source>USD/kg</source>
        <translation>USD/kg</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/economics.py" line="173"/>
        <source>Launch price (USD/kg): the costs recomputed at once</source>
        <translation>Prix du lancement (USD/kg)&#xa0;: les coûts recalculés aussitôt</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/economics.py" line="174"/>
        <source>years</source>
        <translation>ans</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/economics.py" line="175"/>
        <source>Years of compute in orbit (and on the ground): the costs recomputed at once</source>
        <translation>Années de calcul en orbite (et au sol)&#xa0;: les coûts recalculés aussitôt</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/economics.py" line="259"/>
        <source>Total cost (%1)</source>
        <translation>Coût total (%1)</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/economics.py" line="261"/>
        <source>Mass per satellite (kg)</source>
        <translation>Masse par satellite (kg)</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/economics.py" line="283"/>
        <source>Breakeven</source>
        <translation>Équilibre</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/economics.py" line="284"/>
        <source>Scenario&apos;s price</source>
        <translation>Prix du scénario</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/economics.py" line="315"/>
        <source>%1 satellites × %2 kg, array %3 kW (new), %4 years: launched power %5 USD/kW/yr at %6 USD/kg</source>
        <translation>%1 satellites × %2 kg, panneaux %3 kW (neufs), %4 ans&#xa0;: puissance lancée %5 USD/kW/an à %6 USD/kg</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/economics.py" line="322"/>
        <source>%4 PFLOPS-years delivered; per PFLOPS-year: space %1, ground %2; breakeven launch price: %3</source>
        <translation>%4 PFLOPS-ans fournis&#xa0;; par PFLOPS-an&#xa0;: espace %1, sol %2&#xa0;; prix de lancement d’équilibre&#xa0;: %3</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/economics.py" line="327"/>
        <source>Total: space %1, ground %2; the ground would use %3 MWh and %4 m³ of water a year</source>
        <translation>Total&#xa0;: espace %1, sol %2&#xa0;; au sol, %3 MWh et %4 m³ d’eau par an</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/economics.py" line="338"/>
        <source>Export chart</source>
        <translation>Exporter le graphique</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/economics.py" line="339"/>
        <source>PNG image (*.png);;SVG drawing (*.svg)</source>
        <translation>Image PNG (*.png);;Dessin SVG (*.svg)</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/economics.py" line="112"/>
        <location filename="../../widgets/panels/economics.py" line="352"/>
        <source>Economics</source>
        <translation>Économie</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/economics.py" line="355"/>
        <source>Cannot export the chart: %1</source>
        <translation>Impossible d’exporter le graphique&#xa0;: %1</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/economics.py" line="357"/>
        <source>Chart saved to %1</source>
        <translation>Graphique enregistré dans %1</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../app/export_dialog.py" line="72"/>
        <location filename="../../app/export_dialog.py" line="188"/>
        <source>Export animation</source>
        <translation>Exporter une animation</translation>
    </message>
    <message>
        <location filename="../../app/export_dialog.py" line="75"/>
        <source>MP4 video (H.264)</source>
        <translation>Vidéo MP4 (H.264)</translation>
    </message>
    <message>
        <location filename="../../app/export_dialog.py" line="75"/>
        <source>GIF animation</source>
        <translation>Animation GIF</translation>
    </message>
    <message>
        <location filename="../../app/export_dialog.py" line="76"/>
        <source>PNG frames (folder)</source>
        <translation>Images PNG (dossier)</translation>
    </message>
    <message>
        <location filename="../../app/export_dialog.py" line="79"/>
        <source>Browse…</source>
        <translation>Parcourir…</translation>
    </message>
    <message>
        <location filename="../../app/export_dialog.py" line="87"/>
        <source>Custom</source>
        <translation>Personnalisée</translation>
    </message>
    <message>
        <location filename="../../app/export_dialog.py" line="96"/>
        <source>One orbit</source>
        <translation>Une orbite</translation>
    </message>
    <message>
        <location filename="../../app/export_dialog.py" line="96"/>
        <source>One day</source>
        <translation>Un jour</translation>
    </message>
    <message>
        <location filename="../../app/export_dialog.py" line="96"/>
        <source>Whole scenario</source>
        <translation>Tout le scénario</translation>
    </message>
    <message>
        <location filename="../../app/export_dialog.py" line="97"/>
        <source>From … to … (UTC)</source>
        <translation>De … à … (UTC)</translation>
    </message>
    <message>
        <location filename="../../app/export_dialog.py" line="99"/>
        <source>Start at the current time</source>
        <translation>Commencer à l’heure actuelle</translation>
    </message>
    <message>
        <location filename="../../app/export_dialog.py" line="113"/>
        <source>Slow orbit around the Earth</source>
        <translation>Tour lent autour de la Terre</translation>
    </message>
    <message>
        <location filename="../../app/export_dialog.py" line="113"/>
        <source>Current view</source>
        <translation>Vue actuelle</translation>
    </message>
    <message>
        <location filename="../../app/export_dialog.py" line="114"/>
        <source>Follow the selected satellite</source>
        <translation>Suivre le satellite sélectionné</translation>
    </message>
    <message>
        <location filename="../../app/export_dialog.py" line="117"/>
        <source>The scenario&apos;s camera tour</source>
        <translation>La visite caméra du scénario</translation>
    </message>
    <message>
        <location filename="../../app/export_dialog.py" line="119"/>
        <source>Globe</source>
        <translation>Globe</translation>
    </message>
    <message>
        <location filename="../../app/export_dialog.py" line="119"/>
        <source>Map</source>
        <translation>Carte</translation>
    </message>
    <message>
        <location filename="../../app/export_dialog.py" line="119"/>
        <source>Globe and map side by side</source>
        <translation>Globe et carte côte à côte</translation>
    </message>
    <message>
        <location filename="../../app/export_dialog.py" line="123"/>
        <source>A line at the bottom left (optional)</source>
        <translation>Une ligne en bas à gauche (facultatif)</translation>
    </message>
    <message>
        <location filename="../../app/export_dialog.py" line="125"/>
        <source>A small line at the top right (optional)</source>
        <translation>Une petite ligne en haut à droite (facultatif)</translation>
    </message>
    <message>
        <location filename="../../app/export_dialog.py" line="126"/>
        <source>UTC clock</source>
        <translation>Horloge UTC</translation>
    </message>
    <message>
        <location filename="../../app/export_dialog.py" line="128"/>
        <source>Legend or colour scale</source>
        <translation>Légende ou échelle de couleurs</translation>
    </message>
    <message>
        <location filename="../../app/export_dialog.py" line="130"/>
        <source>OrbitDC logo</source>
        <translation>Logo OrbitDC</translation>
    </message>
    <message>
        <location filename="../../app/export_dialog.py" line="131"/>
        <source>Panels beside the globe</source>
        <translation>Graphiques à côté du globe</translation>
    </message>
    <message>
        <location filename="../../app/export_dialog.py" line="132"/>
        <source>Economics charts beside the globe</source>
        <translation>Graphiques économiques à côté du globe</translation>
    </message>
    <message>
        <location filename="../../app/export_dialog.py" line="133"/>
        <source>Scenario&apos;s captions</source>
        <translation>Légendes du scénario</translation>
    </message>
    <message>
        <location filename="../../app/export_dialog.py" line="139"/>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <location filename="../../app/export_dialog.py" line="140"/>
        <source>File</source>
        <translation>Fichier</translation>
    </message>
    <message>
        <location filename="../../app/export_dialog.py" line="141"/>
        <source>Size</source>
        <translation>Taille</translation>
    </message>
    <message>
        <location filename="../../app/export_dialog.py" line="142"/>
        <source>Frames per second</source>
        <translation>Images par seconde</translation>
    </message>
    <message>
        <location filename="../../app/export_dialog.py" line="143"/>
        <source>Simulated time</source>
        <translation>Temps simulé</translation>
    </message>
    <message>
        <location filename="../../app/export_dialog.py" line="147"/>
        <source>Clip length</source>
        <translation>Durée du clip</translation>
    </message>
    <message>
        <location filename="../../app/export_dialog.py" line="148"/>
        <source>Playback speed</source>
        <translation>Vitesse de lecture</translation>
    </message>
    <message>
        <location filename="../../app/export_dialog.py" line="149"/>
        <source>View</source>
        <translation>Vue</translation>
    </message>
    <message>
        <location filename="../../app/export_dialog.py" line="150"/>
        <source>Camera</source>
        <translation>Caméra</translation>
    </message>
    <message>
        <location filename="../../app/export_dialog.py" line="151"/>
        <source>Title</source>
        <translation>Titre</translation>
    </message>
    <message>
        <location filename="../../app/export_dialog.py" line="152"/>
        <source>Caption</source>
        <translation>Bandeau</translation>
    </message>
    <message>
        <location filename="../../app/export_dialog.py" line="153"/>
        <source>Credit</source>
        <translation>Crédit</translation>
    </message>
    <message>
        <location filename="../../app/export_dialog.py" line="158"/>
        <source>Show</source>
        <translation>Afficher</translation>
    </message>
    <message>
        <location filename="../../app/export_dialog.py" line="161"/>
        <source>Fade from and to black</source>
        <translation>Fondu au noir au début et à la fin</translation>
    </message>
    <message>
        <location filename="../../app/export_dialog.py" line="163"/>
        <source>Export</source>
        <translation>Exporter</translation>
    </message>
    <message>
        <location filename="../../app/export_dialog.py" line="186"/>
        <source>Folder for PNG frames</source>
        <translation>Dossier pour les images PNG</translation>
    </message>
    <message>
        <location filename="../../app/export_dialog.py" line="252"/>
        <source>the end must be after the start</source>
        <translation>la fin doit suivre le début</translation>
    </message>
</context>
<context>
    <name>FailedList</name>
    <message>
        <location filename="../../widgets/trade/failed.py" line="40"/>
        <source>Design</source>
        <translation>Variante</translation>
    </message>
    <message>
        <location filename="../../widgets/trade/failed.py" line="40"/>
        <source>Error</source>
        <translation>Erreur</translation>
    </message>
    <message>
        <location filename="../../widgets/trade/failed.py" line="41"/>
        <source>Failed designs: %1</source>
        <translation>Variantes en échec&#xa0;: %1</translation>
    </message>
    <message>
        <location filename="../../widgets/trade/failed.py" line="42"/>
        <source>No design failed</source>
        <translation>Aucune variante en échec</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <location filename="../../widgets/filter_bar.py" line="162"/>
        <source>&amp;Isolate</source>
        <translation>&amp;Isoler</translation>
    </message>
    <message>
        <location filename="../../widgets/filter_bar.py" line="167"/>
        <source>&amp;Undo isolate</source>
        <translation>&amp;Annuler l’isolement</translation>
    </message>
    <message>
        <location filename="../../widgets/filter_bar.py" line="170"/>
        <source>Show &amp;all satellites</source>
        <translation>Afficher &amp;tous les satellites</translation>
    </message>
    <message>
        <location filename="../../widgets/filter_bar.py" line="177"/>
        <source>All constellations</source>
        <translation>Toutes les constellations</translation>
    </message>
    <message>
        <location filename="../../widgets/filter_bar.py" line="179"/>
        <source>%1 of %2 constellations</source>
        <translation>%1 constellations sur %2</translation>
    </message>
    <message>
        <location filename="../../widgets/filter_bar.py" line="187"/>
        <source>Show:</source>
        <translation>Afficher&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../widgets/filter_bar.py" line="188"/>
        <source>&amp;Constellations</source>
        <translation>&amp;Constellations</translation>
    </message>
    <message>
        <location filename="../../widgets/filter_bar.py" line="189"/>
        <source>Sunlit or not</source>
        <translation>Ensoleillés ou non</translation>
    </message>
    <message>
        <location filename="../../widgets/filter_bar.py" line="189"/>
        <source>Sunlit only</source>
        <translation>Ensoleillés seulement</translation>
    </message>
    <message>
        <location filename="../../widgets/filter_bar.py" line="190"/>
        <source>In eclipse only</source>
        <translation>En éclipse seulement</translation>
    </message>
    <message>
        <location filename="../../widgets/filter_bar.py" line="193"/>
        <source>Battery below</source>
        <translation>Batterie sous</translation>
    </message>
    <message>
        <location filename="../../widgets/filter_bar.py" line="194"/>
        <source>Throttled only</source>
        <translation>Bridés seulement</translation>
    </message>
    <message>
        <location filename="../../widgets/filter_bar.py" line="195"/>
        <source>Constellations shown on the globe</source>
        <translation>Constellations affichées sur le globe</translation>
    </message>
</context>
<context>
    <name>FilterPanel</name>
    <message>
        <location filename="../../widgets/trade/filters.py" line="59"/>
        <source>Reset filters</source>
        <translation>Réinitialiser les filtres</translation>
    </message>
    <message>
        <location filename="../../widgets/trade/filters.py" line="60"/>
        <source>Show every design again</source>
        <translation>Afficher de nouveau toutes les variantes</translation>
    </message>
    <message>
        <location filename="../../widgets/trade/filters.py" line="61"/>
        <source>Parameters</source>
        <translation>Paramètres</translation>
    </message>
    <message>
        <location filename="../../widgets/trade/filters.py" line="62"/>
        <source>Metrics</source>
        <translation>Indicateurs</translation>
    </message>
    <message>
        <location filename="../../widgets/trade/filters.py" line="64"/>
        <source>Lowest value shown</source>
        <translation>Plus petite valeur affichée</translation>
    </message>
    <message>
        <location filename="../../widgets/trade/filters.py" line="65"/>
        <source>Highest value shown</source>
        <translation>Plus grande valeur affichée</translation>
    </message>
</context>
<context>
    <name>FindSatellite</name>
    <message>
        <location filename="../../widgets/find_satellite.py" line="90"/>
        <source>No single satellite matches “%1”.</source>
        <translation>«&#xa0;%1&#xa0;» ne désigne pas un seul satellite.</translation>
    </message>
    <message>
        <location filename="../../widgets/find_satellite.py" line="97"/>
        <source>Find satellite</source>
        <translation>Rechercher un satellite</translation>
    </message>
    <message>
        <location filename="../../widgets/find_satellite.py" line="98"/>
        <source>Part of a satellite&apos;s name:</source>
        <translation>Une partie du nom d’un satellite&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../widgets/find_satellite.py" line="99"/>
        <source>e.g. 042</source>
        <translation>p.{NB}ex. 042</translation>
    </message>
</context>
<context>
    <name>Inspector</name>
    <message>
        <location filename="../../widgets/inspector.py" line="134"/>
        <source>Satellite</source>
        <translation>Satellite</translation>
    </message>
    <message>
        <location filename="../../widgets/inspector.py" line="134"/>
        <source>Constellation</source>
        <translation>Constellation</translation>
    </message>
    <message>
        <location filename="../../widgets/inspector.py" line="134"/>
        <source>Altitude</source>
        <translation>Altitude</translation>
    </message>
    <message>
        <location filename="../../widgets/inspector.py" line="135"/>
        <source>Inclination</source>
        <translation>Inclinaison</translation>
    </message>
    <message>
        <location filename="../../widgets/inspector.py" line="135"/>
        <source>β angle</source>
        <translation>Angle β</translation>
    </message>
    <message>
        <location filename="../../widgets/inspector.py" line="135"/>
        <source>Illumination</source>
        <translation>Ensoleillement</translation>
    </message>
    <message>
        <location filename="../../widgets/inspector.py" line="136"/>
        <source>Solar power</source>
        <translation>Puissance solaire</translation>
    </message>
    <message>
        <location filename="../../widgets/inspector.py" line="136"/>
        <source>Load</source>
        <translation>Consommation</translation>
    </message>
    <message>
        <location filename="../../widgets/inspector.py" line="136"/>
        <source>Battery</source>
        <translation>Batterie</translation>
    </message>
    <message>
        <location filename="../../widgets/inspector.py" line="137"/>
        <source>Electronics</source>
        <translation>Électronique</translation>
    </message>
    <message>
        <location filename="../../widgets/inspector.py" line="137"/>
        <source>Radiator</source>
        <translation>Radiateur</translation>
    </message>
    <message>
        <location filename="../../widgets/inspector.py" line="137"/>
        <source>Throughput</source>
        <translation>Débit de calcul</translation>
    </message>
    <message>
        <location filename="../../widgets/inspector.py" line="139"/>
        <source>Eclipse entry</source>
        <translation>Début d’éclipse</translation>
    </message>
    <message>
        <location filename="../../widgets/inspector.py" line="140"/>
        <source>Eclipse exit</source>
        <translation>Fin d’éclipse</translation>
    </message>
    <message>
        <location filename="../../widgets/inspector.py" line="140"/>
        <source>Next contact</source>
        <translation>Prochain contact</translation>
    </message>
    <message>
        <location filename="../../widgets/inspector.py" line="138"/>
        <source>Protons &gt; 10 MeV</source>
        <translation>Flux de protons &gt; 10 MeV</translation>
    </message>
    <message>
        <location filename="../../widgets/inspector.py" line="138"/>
        <source>Dose rate</source>
        <translation>Débit de dose</translation>
    </message>
    <message>
        <location filename="../../widgets/inspector.py" line="138"/>
        <source>Dose so far</source>
        <translation>Dose cumulée</translation>
    </message>
    <message>
        <location filename="../../widgets/inspector.py" line="140"/>
        <source>Downlink</source>
        <translation>Liaison descendante</translation>
    </message>
    <message>
        <location filename="../../widgets/inspector.py" line="141"/>
        <source>Backlog</source>
        <translation>En attente à bord</translation>
    </message>
    <message>
        <location filename="../../widgets/inspector.py" line="141"/>
        <source>ISL neighbours</source>
        <translation>Voisins ISL</translation>
    </message>
    <message>
        <location filename="../../widgets/inspector.py" line="142"/>
        <source>Inspector</source>
        <translation>Inspecteur</translation>
    </message>
    <message>
        <location filename="../../widgets/inspector.py" line="145"/>
        <source>Height above the WGS84 ellipsoid now. In brackets, the orbit&apos;s altitude above the equatorial radius (6,378 km): the shell&apos;s, as set in the scenario, or the element set&apos;s mean, perigee and apogee. The two differ by up to ~21 km because the Earth is flatter at the poles.</source>
        <translation>Hauteur au-dessus de l’ellipsoïde WGS84, maintenant. Entre parenthèses, l’altitude de l’orbite au-dessus du rayon équatorial (6&#x202f;378 km)&#xa0;: celle de la couche, telle que fixée dans le scénario, ou la moyenne, le périgée et l’apogée du jeu d’éléments. Les deux diffèrent de jusqu’à ~21 km, la Terre étant aplatie aux pôles.</translation>
    </message>
    <message>
        <location filename="../../widgets/inspector.py" line="193"/>
        <source>%1 °C (max %2 °C)</source>
        <translation>%1 °C (max. %2 °C)</translation>
    </message>
    <message>
        <location filename="../../widgets/inspector.py" line="248"/>
        <source>Sunlit</source>
        <translation>Ensoleillé</translation>
    </message>
    <message>
        <location filename="../../widgets/inspector.py" line="250"/>
        <source>Umbra</source>
        <translation>Ombre</translation>
    </message>
    <message>
        <location filename="../../widgets/inspector.py" line="252"/>
        <source>Penumbra</source>
        <translation>Pénombre</translation>
    </message>
    <message>
        <location filename="../../widgets/inspector.py" line="258"/>
        <source>charging %1</source>
        <translation>charge %1</translation>
    </message>
    <message>
        <location filename="../../widgets/inspector.py" line="260"/>
        <source>discharging %1</source>
        <translation>décharge %1</translation>
    </message>
    <message>
        <location filename="../../widgets/inspector.py" line="262"/>
        <source>idle</source>
        <translation>au repos</translation>
    </message>
    <message>
        <location filename="../../widgets/inspector.py" line="263"/>
        <source>%1 % SOC (%4), %2 (min %3 %)</source>
        <translation>%1 % (%4), %2 (min. %3 %)</translation>
    </message>
    <message>
        <location filename="../../widgets/inspector.py" line="276"/>
        <source>%1 (shell %2)</source>
        <translation>%1 (couche %2)</translation>
    </message>
    <message>
        <location filename="../../widgets/inspector.py" line="278"/>
        <source>%1 (mean %2)</source>
        <translation>%1 (moyenne %2)</translation>
    </message>
    <message>
        <location filename="../../widgets/inspector.py" line="280"/>
        <source>%1 (perigee %2, apogee %3)</source>
        <translation>%1 (périgée %2, apogée %3)</translation>
    </message>
    <message>
        <location filename="../../widgets/inspector.py" line="288"/>
        <source>throttled: power</source>
        <translation>bridé&#xa0;: puissance</translation>
    </message>
    <message>
        <location filename="../../widgets/inspector.py" line="290"/>
        <source>throttled: thermal</source>
        <translation>bridé&#xa0;: thermique</translation>
    </message>
    <message>
        <location filename="../../widgets/inspector.py" line="303"/>
        <source>after the end of the run</source>
        <translation>après la fin de la simulation</translation>
    </message>
    <message>
        <location filename="../../widgets/inspector.py" line="309"/>
        <source>before the start of the run</source>
        <translation>avant le début de la simulation</translation>
    </message>
    <message>
        <location filename="../../widgets/inspector.py" line="313"/>
        <source>none before the end of the run</source>
        <translation>aucune d’ici la fin de la simulation</translation>
    </message>
</context>
<context>
    <name>LifePanel</name>
    <message>
        <location filename="../../widgets/panels/life.py" line="152"/>
        <location filename="../../widgets/panels/life.py" line="164"/>
        <source>Years</source>
        <translation>Années</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/life.py" line="153"/>
        <source>Runs</source>
        <translation>Tirages</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/life.py" line="154"/>
        <source>Compute</source>
        <translation>Calculer</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/life.py" line="155"/>
        <source>Export chart…</source>
        <translation>Exporter le graphique…</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/life.py" line="156"/>
        <source>Save the four charts as shown, for slides: PNG (twice the size on screen) or SVG</source>
        <translation>Enregistrer les quatre graphiques tels qu’affichés, pour des diapositives&#xa0;: PNG (deux fois la taille à l’écran) ou SVG</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/life.py" line="158"/>
        <source>Compute capacity (PFLOPS): p10–p90, median</source>
        <translation>Capacité de calcul (PFLOPS) : p10–p90, médiane</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/life.py" line="159"/>
        <source>Working GPUs (median)</source>
        <translation>GPU en service (médiane)</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/life.py" line="160"/>
        <source>Battery capacity (% of new, median satellite)</source>
        <translation>Capacité des batteries (% du neuf, satellite médian)</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/life.py" line="161"/>
        <source>Cumulative dose (krad(Si)): median, max satellite</source>
        <translation>Dose cumulée (krad(Si)) : satellite médian, maximal</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/life.py" line="180"/>
        <source>No scenario loaded</source>
        <translation>Aucun scénario chargé</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/life.py" line="208"/>
        <source>Computing the mission life…</source>
        <translation>Calcul de la durée de vie de la mission…</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/life.py" line="249"/>
        <source>Export chart</source>
        <translation>Exporter le graphique</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/life.py" line="250"/>
        <source>PNG image (*.png);;SVG drawing (*.svg)</source>
        <translation>Image PNG (*.png);;Dessin SVG (*.svg)</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/life.py" line="262"/>
        <source>Cannot export the chart: %1</source>
        <translation>Impossible d’exporter le graphique&#xa0;: %1</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/life.py" line="264"/>
        <source>Chart saved to %1</source>
        <translation>Graphique enregistré dans %1</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/life.py" line="126"/>
        <location filename="../../widgets/panels/life.py" line="259"/>
        <source>Mission life</source>
        <translation>Vie de la mission</translation>
    </message>
</context>
<context>
    <name>LinksPanel</name>
    <message>
        <location filename="../../widgets/panels/links.py" line="54"/>
        <source>Links</source>
        <translation>Liaisons</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/links.py" line="157"/>
        <source>Downlink</source>
        <translation>Débit descendant</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/links.py" line="160"/>
        <source>Any satellite</source>
        <translation>Tout satellite</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/links.py" line="160"/>
        <source>Clouded out</source>
        <translation>Ciel couvert</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/links.py" line="161"/>
        <location filename="../../widgets/panels/links.py" line="163"/>
        <source>Backlog</source>
        <translation>En attente à bord</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/links.py" line="162"/>
        <source>Storage</source>
        <translation>Stockage</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/links.py" line="163"/>
        <source>Produced</source>
        <translation>Produit</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/links.py" line="164"/>
        <source>Downlinked</source>
        <translation>Transmis au sol</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/links.py" line="164"/>
        <source>Dropped</source>
        <translation>Perdu</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/links.py" line="165"/>
        <source>Nearest neighbour (min–max)</source>
        <translation>Plus proche voisin (min–max)</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/links.py" line="166"/>
        <source>Mean ISL capacity</source>
        <translation>Capacité ISL moyenne</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/links.py" line="243"/>
        <source>Computing ground contacts and links…</source>
        <translation>Calcul des contacts au sol et des liaisons…</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/links.py" line="244"/>
        <source>No ground stations or inter-satellite links in this scenario — add [[ground_station]] or ground_network; see README</source>
        <translation>Aucune station sol ni liaison intersatellite dans ce scénario — ajoutez [[ground_station]] ou ground_network&#xa0;; voir le README</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/links.py" line="175"/>
        <location filename="../../widgets/panels/links.py" line="177"/>
        <source>Downlink (%1)</source>
        <translation>Débit desc. (%1)</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/links.py" line="159"/>
        <source>Selected</source>
        <translation>Sélectionné</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/links.py" line="176"/>
        <source>Backlog (%1)</source>
        <translation>En attente (%1)</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/links.py" line="178"/>
        <source>Data (%1)</source>
        <translation>Données (%1)</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/links.py" line="179"/>
        <source>Distance (%1)</source>
        <translation>Distance (%1)</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/links.py" line="180"/>
        <source>Capacity (%1)</source>
        <translation>Capacité (%1)</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/links.py" line="185"/>
        <source>Ground contacts</source>
        <translation>Contacts au sol</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/links.py" line="187"/>
        <source>Inter-satellite links</source>
        <translation>Liaisons intersatellites</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../app/main_window.py" line="163"/>
        <source>OrbitDC — orbital data centers</source>
        <translation>OrbitDC — centres de données orbitaux</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/__init__.py" line="103"/>
        <source>Power</source>
        <translation>Puissance</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/__init__.py" line="105"/>
        <source>Thermal</source>
        <translation>Thermique</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/__init__.py" line="107"/>
        <source>Compute</source>
        <translation>Calcul</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/__init__.py" line="109"/>
        <source>Links</source>
        <translation>Liaisons</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/__init__.py" line="113"/>
        <source>Mission life</source>
        <translation>Vie de la mission</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/__init__.py" line="116"/>
        <source>Economics</source>
        <translation>Économie</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="166"/>
        <source>Year</source>
        <translation>Année</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="165"/>
        <source>Inspector</source>
        <translation>Inspecteur</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="165"/>
        <source>Scenario</source>
        <translation>Scénario</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="166"/>
        <source>Map</source>
        <translation>Carte</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="171"/>
        <source>Sunlit</source>
        <translation>Ensoleillé</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="171"/>
        <source>Penumbra</source>
        <translation>Pénombre</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="172"/>
        <source>Umbra (eclipse)</source>
        <translation>Ombre (éclipse)</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="172"/>
        <source>Ground station</source>
        <translation>Station au sol</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="173"/>
        <source>Downlink</source>
        <translation>Liaison descendante</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="173"/>
        <source>Laser link (colour: load)</source>
        <translation>Liaison laser (couleur : charge)</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="174"/>
        <source>Satellites per sky cell (gold: share sunlit)</source>
        <translation>Satellites par case du ciel (or : part au soleil)</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="220"/>
        <source>Cannot open scenario</source>
        <translation>Impossible d’ouvrir le scénario</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="223"/>
        <source>The previous scenario stays loaded.</source>
        <translation>Le scénario précédent reste chargé.</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="312"/>
        <source>Gold satellites are in sunlight, blue ones in Earth&apos;s shadow; the panels show what that does to power, heat and compute.</source>
        <translation>Les satellites dorés sont ensoleillés, les bleus dans l’ombre de la Terre&#xa0;; les graphiques montrent l’effet sur la puissance, la chaleur et le calcul.</translation>
    </message>
</context>
<context>
    <name>PlotParts</name>
    <message>
        <location filename="../../widgets/panels/plotparts.py" line="46"/>
        <source>Selected satellite</source>
        <translation>Satellite sélectionné</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/plotparts.py" line="47"/>
        <source>All satellites</source>
        <translation>Tous les satellites</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/plotparts.py" line="48"/>
        <source>Ground contacts</source>
        <translation>Contacts au sol</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/plotparts.py" line="49"/>
        <source>Inter-satellite links</source>
        <translation>Liaisons intersatellites</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/plotparts.py" line="222"/>
        <source>Time (UTC)</source>
        <translation>Heure (UTC)</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/plotparts.py" line="235"/>
        <source>Make the panel taller to see: %1</source>
        <translation>Agrandissez le panneau pour voir&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>PowerPanel</name>
    <message>
        <location filename="../../widgets/panels/power.py" line="24"/>
        <source>Power and battery</source>
        <translation>Puissance et batterie</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/power.py" line="45"/>
        <source>Solar</source>
        <translation>Solaire</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/power.py" line="45"/>
        <source>Load</source>
        <translation>Consommation</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/power.py" line="52"/>
        <source>State of charge (%)</source>
        <translation>Batterie (%)</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/power.py" line="47"/>
        <source>Battery SOC</source>
        <translation>Batterie</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/power.py" line="47"/>
        <source>Min SOC</source>
        <translation>Seuil min.</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/power.py" line="48"/>
        <source>Eclipse</source>
        <translation>Éclipse</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/power.py" line="49"/>
        <source>Mean SOC</source>
        <translation>Batterie moy.</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/power.py" line="50"/>
        <source>Lowest SOC</source>
        <translation>Batterie min.</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/power.py" line="58"/>
        <source>Power (%1)</source>
        <translation>Puiss. (%1)</translation>
    </message>
</context>
<context>
    <name>ScenarioPanel</name>
    <message>
        <location filename="../../widgets/scenario_panel.py" line="125"/>
        <source>Solar array</source>
        <translation>Panneaux solaires</translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_panel.py" line="125"/>
        <source>Battery</source>
        <translation>Batterie</translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_panel.py" line="126"/>
        <source>GPUs</source>
        <translation>GPU</translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_panel.py" line="126"/>
        <source>Power per GPU</source>
        <translation>Puissance par GPU</translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_panel.py" line="127"/>
        <source>Radiator</source>
        <translation>Radiateur</translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_panel.py" line="128"/>
        <source>Shielding (aluminium)</source>
        <translation>Blindage (aluminium)</translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_panel.py" line="129"/>
        <source>Altitude</source>
        <translation>Altitude</translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_panel.py" line="129"/>
        <source>Spare GPUs</source>
        <translation>GPU de réserve</translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_panel.py" line="132"/>
        <source>Aluminium around the electronics (a solid sphere): sets the dose rate in the inspector and the dose in Mission life</source>
        <translation>Aluminium autour de l’électronique (une sphère pleine)&#xa0;: fixe le débit de dose de l’inspecteur et la dose de Vie de la mission</translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_panel.py" line="135"/>
        <source>Cold spare accelerators per satellite, switched in when one fails (Mission life)</source>
        <translation>Accélérateurs de réserve froids par satellite, mis en service quand l’un tombe en panne (Vie de la mission)</translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_panel.py" line="145"/>
        <source>Scenario</source>
        <translation>Scénario</translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_panel.py" line="140"/>
        <source>Apply</source>
        <translation>Appliquer</translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_panel.py" line="141"/>
        <source>Simulate the scenario again with these values</source>
        <translation>Relancer la simulation avec ces valeurs</translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_panel.py" line="142"/>
        <source>Reset</source>
        <translation>Rétablir</translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_panel.py" line="143"/>
        <source>Back to the values of the running scenario</source>
        <translation>Revenir aux valeurs du scénario en cours</translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_panel.py" line="152"/>
        <source>Altitude of “%1”</source>
        <translation>Altitude de «&#xa0;%1&#xa0;»</translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_panel.py" line="149"/>
        <source>Spacecraft of “%1”</source>
        <translation>Satellites de «&#xa0;%1&#xa0;»</translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_panel.py" line="248"/>
        <source>Simulating…</source>
        <translation>Simulation en cours…</translation>
    </message>
</context>
<context>
    <name>SweepForm</name>
    <message>
        <location filename="../../widgets/trade/sweep_form.py" line="87"/>
        <location filename="../../widgets/trade/sweep_form.py" line="138"/>
        <source>Base scenario</source>
        <translation>Scénario de base</translation>
    </message>
    <message>
        <location filename="../../widgets/trade/sweep_form.py" line="87"/>
        <source>Vary (one per line)</source>
        <translation>Faire varier (une par ligne)</translation>
    </message>
    <message>
        <location filename="../../widgets/trade/sweep_form.py" line="88"/>
        <source>Designs</source>
        <translation>Variantes</translation>
    </message>
    <message>
        <location filename="../../widgets/trade/sweep_form.py" line="88"/>
        <source>Samples</source>
        <translation>Échantillons</translation>
    </message>
    <message>
        <location filename="../../widgets/trade/sweep_form.py" line="89"/>
        <source>Local workers</source>
        <translation>Processus locaux</translation>
    </message>
    <message>
        <location filename="../../widgets/trade/sweep_form.py" line="89"/>
        <location filename="../../widgets/trade/sweep_form.py" line="145"/>
        <source>Results file</source>
        <translation>Fichier de résultats</translation>
    </message>
    <message>
        <location filename="../../widgets/trade/sweep_form.py" line="92"/>
        <source>KEY=LOW:HIGH:COUNT or KEY=V1,V2,…, as orbitdc sweep --vary</source>
        <translation>CLÉ=BAS:HAUT:NOMBRE ou CLÉ=V1,V2,…, comme orbitdc sweep --vary</translation>
    </message>
    <message>
        <location filename="../../widgets/trade/sweep_form.py" line="94"/>
        <source>Every combination (grid)</source>
        <translation>Toutes les combinaisons (grille)</translation>
    </message>
    <message>
        <location filename="../../widgets/trade/sweep_form.py" line="95"/>
        <source>Latin hypercube samples (lhs)</source>
        <translation>Hypercube latin (lhs)</translation>
    </message>
    <message>
        <location filename="../../widgets/trade/sweep_form.py" line="96"/>
        <source>one per core</source>
        <translation>un par cœur</translation>
    </message>
    <message>
        <location filename="../../widgets/trade/sweep_form.py" line="97"/>
        <source>Worker processes of a local Dask cluster; 0: one after another in this process</source>
        <translation>Processus de calcul d’un cluster Dask local&#xa0;; 0&#xa0;: l’une après l’autre dans ce processus</translation>
    </message>
    <message>
        <location filename="../../widgets/trade/sweep_form.py" line="99"/>
        <location filename="../../widgets/trade/sweep_form.py" line="100"/>
        <source>Browse…</source>
        <translation>Parcourir…</translation>
    </message>
    <message>
        <location filename="../../widgets/trade/sweep_form.py" line="101"/>
        <source>Run</source>
        <translation>Lancer</translation>
    </message>
    <message>
        <location filename="../../widgets/trade/sweep_form.py" line="102"/>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <location filename="../../widgets/trade/sweep_form.py" line="128"/>
        <source>%1 of %2 designs done, %3 failed</source>
        <translation>%1 variantes sur %2 calculées, %3 en échec</translation>
    </message>
    <message>
        <location filename="../../widgets/trade/sweep_form.py" line="131"/>
        <source>about %1 s left</source>
        <translation>environ %1 s restantes</translation>
    </message>
    <message>
        <location filename="../../widgets/trade/sweep_form.py" line="139"/>
        <source>Scenarios (*.toml);;All files (*)</source>
        <translation>Scénarios (*.toml);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <location filename="../../widgets/trade/sweep_form.py" line="146"/>
        <source>CSV (*.csv);;Parquet (*.parquet)</source>
        <translation>CSV (*.csv);;Parquet (*.parquet)</translation>
    </message>
</context>
<context>
    <name>ThermalPanel</name>
    <message>
        <location filename="../../widgets/panels/thermal.py" line="25"/>
        <source>Thermal</source>
        <translation>Thermique</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/thermal.py" line="38"/>
        <source>Electronics</source>
        <translation>Électronique</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/thermal.py" line="38"/>
        <source>Radiator</source>
        <translation>Radiateur</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/thermal.py" line="37"/>
        <source>Max electronics</source>
        <translation>Limite électronique</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/thermal.py" line="39"/>
        <source>Hottest electronics</source>
        <translation>Électronique la plus chaude</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/thermal.py" line="42"/>
        <source>Temperature (°C)</source>
        <translation>Temp. (°C)</translation>
    </message>
</context>
<context>
    <name>TimeBar</name>
    <message>
        <location filename="../../widgets/timebar.py" line="87"/>
        <source>Step back one time step</source>
        <translation>Reculer d’un pas de temps</translation>
    </message>
    <message>
        <location filename="../../widgets/timebar.py" line="88"/>
        <source>Play / pause</source>
        <translation>Lecture / pause</translation>
    </message>
    <message>
        <location filename="../../widgets/timebar.py" line="89"/>
        <source>Step forward one time step</source>
        <translation>Avancer d’un pas de temps</translation>
    </message>
    <message>
        <location filename="../../widgets/timebar.py" line="90"/>
        <source>Playback speed (simulated time per real time)</source>
        <translation>Vitesse de lecture (temps simulé par temps réel)</translation>
    </message>
    <message>
        <location filename="../../widgets/timebar.py" line="93"/>
        <source>Drag to move through the run</source>
        <translation>Faites glisser pour parcourir la simulation</translation>
    </message>
    <message>
        <location filename="../../widgets/timebar.py" line="173"/>
        <source>real time</source>
        <translation>temps réel</translation>
    </message>
    <message>
        <location filename="../../widgets/timebar.py" line="173"/>
        <source>1 min/s</source>
        <translation>1 min/s</translation>
    </message>
    <message>
        <location filename="../../widgets/timebar.py" line="174"/>
        <source>10 min/s</source>
        <translation>10 min/s</translation>
    </message>
    <message>
        <location filename="../../widgets/timebar.py" line="174"/>
        <source>1 h/s</source>
        <translation>1 h/s</translation>
    </message>
    <message>
        <location filename="../../widgets/timebar.py" line="176"/>
        <source>×%1</source>
        <translation>×%1</translation>
    </message>
    <message>
        <location filename="../../widgets/timebar.py" line="177"/>
        <source>×%1 (%2)</source>
        <translation>×%1 (%2)</translation>
    </message>
</context>
<context>
    <name>TimePlotPanel</name>
    <message>
        <location filename="../../widgets/panels/plotbase.py" line="323"/>
        <source>No satellite selected</source>
        <translation>Aucun satellite sélectionné</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/plotbase.py" line="195"/>
        <source>Time plots</source>
        <translation>Courbes temporelles</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/plotbase.py" line="199"/>
        <source>All satellites</source>
        <translation>Tous les satellites</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/plotbase.py" line="200"/>
        <source>All %1 satellites</source>
        <translation>Les %1 satellites</translation>
    </message>
</context>
<context>
    <name>TradeStudyWidget</name>
    <message>
        <location filename="../../widgets/trade/widget.py" line="117"/>
        <source>X</source>
        <translation>X</translation>
    </message>
    <message>
        <location filename="../../widgets/trade/widget.py" line="118"/>
        <source>Y</source>
        <translation>Y</translation>
    </message>
    <message>
        <location filename="../../widgets/trade/widget.py" line="119"/>
        <source>Colour</source>
        <translation>Couleur</translation>
    </message>
    <message>
        <location filename="../../widgets/trade/widget.py" line="121"/>
        <source>lower is better</source>
        <translation>plus bas, mieux c’est</translation>
    </message>
    <message>
        <location filename="../../widgets/trade/widget.py" line="122"/>
        <source>higher is better</source>
        <translation>plus haut, mieux c’est</translation>
    </message>
    <message>
        <location filename="../../widgets/trade/widget.py" line="123"/>
        <source>Which way is better on this axis, for the Pareto front</source>
        <translation>Le sens favorable sur cet axe, pour le front de Pareto</translation>
    </message>
    <message>
        <location filename="../../widgets/trade/widget.py" line="124"/>
        <source>Hide filtered-out designs</source>
        <translation>Masquer les variantes filtrées</translation>
    </message>
    <message>
        <location filename="../../widgets/trade/widget.py" line="125"/>
        <source>Export scatter…</source>
        <translation>Exporter le nuage de points…</translation>
    </message>
    <message>
        <location filename="../../widgets/trade/widget.py" line="126"/>
        <source>Export parameters…</source>
        <translation>Exporter les paramètres…</translation>
    </message>
    <message>
        <location filename="../../widgets/trade/widget.py" line="128"/>
        <source>Save the chart as shown, for slides: PNG (twice the size on screen) or SVG</source>
        <translation>Enregistrer le graphique tel qu’affiché, pour des diapositives&#xa0;: PNG (deux fois la taille à l’écran) ou SVG</translation>
    </message>
    <message>
        <location filename="../../widgets/trade/widget.py" line="209"/>
        <source>%1 of %2 designs shown, %3 on the Pareto front</source>
        <translation>%1 variantes affichées sur %2, %3 sur le front de Pareto</translation>
    </message>
    <message>
        <location filename="../../widgets/trade/widget.py" line="217"/>
        <source>Design %1</source>
        <translation>Variante %1</translation>
    </message>
    <message>
        <location filename="../../widgets/trade/widget.py" line="219"/>
        <source>Metrics</source>
        <translation>Indicateurs</translation>
    </message>
    <message>
        <location filename="../../widgets/trade/widget.py" line="228"/>
        <source>Click to open this design in the mission view</source>
        <translation>Cliquer pour ouvrir cette variante dans la vue de mission</translation>
    </message>
    <message>
        <location filename="../../widgets/trade/widget.py" line="237"/>
        <source>Export chart</source>
        <translation>Exporter le graphique</translation>
    </message>
    <message>
        <location filename="../../widgets/trade/widget.py" line="238"/>
        <source>PNG image (*.png);;SVG drawing (*.svg)</source>
        <translation>Image PNG (*.png);;Dessin SVG (*.svg)</translation>
    </message>
    <message>
        <location filename="../../widgets/trade/widget.py" line="246"/>
        <source>Trade study</source>
        <translation>Étude de compromis</translation>
    </message>
    <message>
        <location filename="../../widgets/trade/widget.py" line="249"/>
        <source>Cannot export the chart: %1</source>
        <translation>Impossible d’exporter le graphique&#xa0;: %1</translation>
    </message>
    <message>
        <location filename="../../widgets/trade/widget.py" line="251"/>
        <source>Chart saved to %1</source>
        <translation>Graphique enregistré dans %1</translation>
    </message>
</context>
<context>
    <name>YearPanel</name>
    <message>
        <location filename="../../widgets/panels/year.py" line="30"/>
        <source>Jan</source>
        <translation>janv.</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/year.py" line="30"/>
        <source>Feb</source>
        <translation>févr.</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/year.py" line="31"/>
        <source>Mar</source>
        <translation>mars</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/year.py" line="31"/>
        <source>Apr</source>
        <translation>avr.</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/year.py" line="32"/>
        <source>May</source>
        <translation>mai</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/year.py" line="32"/>
        <source>Jun</source>
        <translation>juin</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/year.py" line="33"/>
        <source>Jul</source>
        <translation>juil.</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/year.py" line="33"/>
        <source>Aug</source>
        <translation>août</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/year.py" line="34"/>
        <source>Sep</source>
        <translation>sept.</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/year.py" line="34"/>
        <source>Oct</source>
        <translation>oct.</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/year.py" line="35"/>
        <source>Nov</source>
        <translation>nov.</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/year.py" line="35"/>
        <source>Dec</source>
        <translation>déc.</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/year.py" line="118"/>
        <source>Year</source>
        <translation>Année</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/year.py" line="130"/>
        <location filename="../../widgets/panels/year.py" line="180"/>
        <source>β angle (°)</source>
        <translation>Angle β (°)</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/year.py" line="130"/>
        <source>Date (UTC)</source>
        <translation>Date (UTC)</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/year.py" line="131"/>
        <location filename="../../widgets/panels/year.py" line="181"/>
        <source>Eclipse (min per orbit)</source>
        <translation>Éclipse (min par orbite)</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/year.py" line="182"/>
        <source>Click a day to simulate the scenario on that day</source>
        <translation>Cliquer sur un jour pour simuler le scénario ce jour-là</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/year.py" line="236"/>
        <source>No satellite</source>
        <translation>Aucun satellite</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/year.py" line="242"/>
        <source>%1: no eclipse all year (β stays beyond ±%2°)</source>
        <translation>%1 : aucune éclipse de l’année (β reste au-delà de ±%2°)</translation>
    </message>
    <message>
        <location filename="../../widgets/panels/year.py" line="246"/>
        <source>%1: eclipse seasons %2; at most %3 min of a %4-min orbit</source>
        <translation>%1 : saisons d’éclipses %2 ; au plus %3 min d’une orbite de %4 min</translation>
    </message>
</context>
<context>
    <name>w</name>
    <message>
        <location filename="../../app/menus.py" line="84"/>
        <source>Year</source>
        <translation>Année</translation>
    </message>
</context>
</TS>
