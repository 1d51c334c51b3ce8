<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name></name>
    <message>
        <location filename="../../app/export_actions.py" line="42"/>
        <source>Save screenshot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/export_actions.py" line="43"/>
        <source>PNG images (*.png)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/export_actions.py" line="48"/>
        <source>Screenshot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/export_actions.py" line="55"/>
        <location filename="../../app/export_actions.py" line="76"/>
        <source>Export telemetry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/export_actions.py" line="56"/>
        <source>CSV files (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/export_actions.py" line="60"/>
        <source>Writing telemetry…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/export_actions.py" line="60"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/export_actions.py" line="109"/>
        <source>Data: JPL DE421 ephemeris (skyfield-data); NASA Blue Marble Next Generation (Reto Stöckli, NASA Earth Observatory) and NASA Visible Earth city lights; SGP4 (Vallado et al.).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/menus.py" line="27"/>
        <source>Orbit paths</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/menus.py" line="27"/>
        <source>Ground track of the selected satellite</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/menus.py" line="28"/>
        <source>Earth&apos;s shadow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/menus.py" line="28"/>
        <source>Sun direction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/menus.py" line="28"/>
        <source>Stars</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/menus.py" line="29"/>
        <source>Atmosphere</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/menus.py" line="29"/>
        <source>Legend</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/menus.py" line="33"/>
        <source>Illumination</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/menus.py" line="33"/>
        <source>Battery charge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/menus.py" line="34"/>
        <source>Electronics temperature</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/menus.py" line="34"/>
        <source>Throughput</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/menus.py" line="148"/>
        <source>Open scenario</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/menus.py" line="149"/>
        <source>Scenarios (*.toml);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/menus.py" line="161"/>
        <source>About OrbitDC</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/menus.py" line="164"/>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/menus.py" line="165"/>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/menus.py" line="166"/>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/menus.py" line="167"/>
        <source>&amp;Open scenario…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/menus.py" line="168"/>
        <source>Open &amp;recent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/menus.py" line="169"/>
        <source>&amp;Presets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/menus.py" line="170"/>
        <source>Export telemetry &amp;CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/menus.py" line="171"/>
        <source>&amp;Screenshot…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/menus.py" line="172"/>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/menus.py" line="173"/>
        <source>&amp;Layers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/menus.py" line="176"/>
        <source>&amp;Colour satellites by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/menus.py" line="179"/>
        <source>&amp;Frame</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/menus.py" line="180"/>
        <source>Inertial (stars fixed, Earth turns)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/menus.py" line="181"/>
        <source>Earth-fixed (Earth still, Sun moves)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/menus.py" line="182"/>
        <source>&amp;Reset view</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/menus.py" line="183"/>
        <source>F&amp;ollow selected satellite</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/menus.py" line="184"/>
        <source>&amp;Panels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/menus.py" line="185"/>
        <source>F&amp;ull screen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/menus.py" line="186"/>
        <source>&amp;Presentation mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/menus.py" line="187"/>
        <source>Lan&amp;guage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/menus.py" line="190"/>
        <source>&amp;About OrbitDC</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/units.py" line="71"/>
        <source>%1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/units.py" line="74"/>
        <source>%1 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/units.py" line="77"/>
        <source>%1 h %2 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/units.py" line="79"/>
        <source>%1 d %2 h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/units.py" line="85"/>
        <source>in %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/units.py" line="86"/>
        <source>%1 ago</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ComputePanel</name>
    <message>
        <location filename="../../widgets/compute_panel.py" line="42"/>
        <source>Compute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/compute_panel.py" line="46"/>
        <location filename="../../widgets/compute_panel.py" line="52"/>
        <source>Throughput</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/compute_panel.py" line="47"/>
        <source>Capacity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/compute_panel.py" line="50"/>
        <source>Throttled: power</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/compute_panel.py" line="51"/>
        <source>Throttled: thermal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/compute_panel.py" line="54"/>
        <location filename="../../widgets/compute_panel.py" line="55"/>
        <source>Throttled satellites</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/compute_panel.py" line="60"/>
        <source>Throughput (TFLOPS)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/compute_panel.py" line="61"/>
        <source>Throughput (PFLOPS)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Inspector</name>
    <message>
        <location filename="../../widgets/inspector.py" line="31"/>
        <source>Satellite</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/inspector.py" line="31"/>
        <source>Constellation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/inspector.py" line="31"/>
        <source>Altitude</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/inspector.py" line="32"/>
        <source>Inclination</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/inspector.py" line="32"/>
        <source>β angle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/inspector.py" line="32"/>
        <source>Illumination</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/inspector.py" line="33"/>
        <source>Solar power</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/inspector.py" line="33"/>
        <source>Load</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/inspector.py" line="33"/>
        <source>Battery</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/inspector.py" line="34"/>
        <source>Electronics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/inspector.py" line="34"/>
        <source>Radiator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/inspector.py" line="34"/>
        <source>Throughput</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/inspector.py" line="35"/>
        <source>Eclipse entry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/inspector.py" line="35"/>
        <source>Eclipse exit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/inspector.py" line="36"/>
        <source>Inspector</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/inspector.py" line="90"/>
        <source>%1 °C (max %2 °C)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/inspector.py" line="125"/>
        <source>Sunlit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/inspector.py" line="127"/>
        <source>Umbra</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/inspector.py" line="129"/>
        <source>Penumbra</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/inspector.py" line="134"/>
        <source>charging %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/inspector.py" line="136"/>
        <source>discharging %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/inspector.py" line="138"/>
        <source>idle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/inspector.py" line="139"/>
        <source>%1 % SOC, %2 (min %3 %)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/inspector.py" line="145"/>
        <source>throttled: power</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/inspector.py" line="147"/>
        <source>throttled: thermal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/inspector.py" line="160"/>
        <source>after the end of the run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/inspector.py" line="166"/>
        <source>before the start of the run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/inspector.py" line="170"/>
        <source>none before the end of the run</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../app/main_window.py" line="132"/>
        <source>OrbitDC — orbital data centers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="133"/>
        <source>Power</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="133"/>
        <source>Thermal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="134"/>
        <source>Compute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="134"/>
        <source>Inspector</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="135"/>
        <source>Scenario</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="138"/>
        <source>Sunlit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="138"/>
        <source>Penumbra</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="139"/>
        <source>Umbra (eclipse)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="166"/>
        <source>Cannot open scenario</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="169"/>
        <source>The previous scenario stays loaded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="237"/>
        <source>Gold satellites are in sunlight, blue ones in Earth&apos;s shadow; the panels show what that does to power, heat and compute.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PowerPanel</name>
    <message>
        <location filename="../../widgets/power_panel.py" line="24"/>
        <source>Power and battery</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/power_panel.py" line="28"/>
        <location filename="../../widgets/power_panel.py" line="34"/>
        <source>Solar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/power_panel.py" line="29"/>
        <location filename="../../widgets/power_panel.py" line="35"/>
        <source>Load</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/power_panel.py" line="30"/>
        <location filename="../../widgets/power_panel.py" line="36"/>
        <source>State of charge (%)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/power_panel.py" line="31"/>
        <source>Battery SOC</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/power_panel.py" line="32"/>
        <source>Min SOC</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/power_panel.py" line="33"/>
        <source>Eclipse</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/power_panel.py" line="37"/>
        <source>Mean SOC</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/power_panel.py" line="38"/>
        <source>Lowest SOC</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/power_panel.py" line="42"/>
        <source>Power (kW)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/power_panel.py" line="43"/>
        <source>Power (MW)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/power_panel.py" line="54"/>
        <location filename="../../widgets/power_panel.py" line="69"/>
        <source>Power (%1)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ScenarioPanel</name>
    <message>
        <location filename="../../widgets/scenario_panel.py" line="52"/>
        <source>Solar array</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_panel.py" line="52"/>
        <source>Battery</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_panel.py" line="53"/>
        <source>GPUs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_panel.py" line="53"/>
        <source>Power per GPU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_panel.py" line="54"/>
        <source>Radiator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_panel.py" line="54"/>
        <source>Altitude</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_panel.py" line="55"/>
        <source>Scenario</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_panel.py" line="76"/>
        <source>Apply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_panel.py" line="77"/>
        <source>Simulate the scenario again with these values</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_panel.py" line="78"/>
        <source>Reset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_panel.py" line="79"/>
        <source>Back to the values of the running scenario</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_panel.py" line="121"/>
        <source>Altitude of “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_panel.py" line="123"/>
        <source>Spacecraft of “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_panel.py" line="167"/>
        <source>Simulating…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ThermalPanel</name>
    <message>
        <location filename="../../widgets/thermal_panel.py" line="25"/>
        <source>Thermal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/thermal_panel.py" line="29"/>
        <source>Electronics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/thermal_panel.py" line="30"/>
        <source>Radiator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/thermal_panel.py" line="31"/>
        <location filename="../../widgets/thermal_panel.py" line="34"/>
        <source>Max electronics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/thermal_panel.py" line="32"/>
        <source>Hottest electronics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/thermal_panel.py" line="36"/>
        <source>Temperature (°C)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TimeBar</name>
    <message>
        <location filename="../../widgets/timebar.py" line="45"/>
        <source>Step back one time step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/timebar.py" line="46"/>
        <source>Play / pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/timebar.py" line="49"/>
        <source>Step forward one time step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/timebar.py" line="51"/>
        <source>Playback speed (simulated time per real time)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/timebar.py" line="56"/>
        <source>Drag to move through the run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/timebar.py" line="158"/>
        <source>real time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/timebar.py" line="158"/>
        <source>1 min/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/timebar.py" line="159"/>
        <source>10 min/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/timebar.py" line="159"/>
        <source>1 h/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/timebar.py" line="161"/>
        <source>×%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/timebar.py" line="162"/>
        <source>×%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TimePlotPanel</name>
    <message>
        <location filename="../../widgets/plotbase.py" line="56"/>
        <source>Time (UTC)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/plotbase.py" line="93"/>
        <source>No satellite selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/plotbase.py" line="141"/>
        <source>Time plots</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/plotbase.py" line="145"/>
        <source>All satellites</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/plotbase.py" line="146"/>
        <source>All %1 satellites</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
