<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="en">
<context>
    <name>CardScreen</name>
    <message>
        <location filename="../../kiosk/ui/screens/card.py" line="221"/>
        <source>Sending…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/card.py" line="240"/>
        <source>Product</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/card.py" line="240"/>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/card.py" line="241"/>
        <source>Valid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/card.py" line="241"/>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/card.py" line="242"/>
        <source>For</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/card.py" line="243"/>
        <source>Message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/card.py" line="243"/>
        <source>From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/card.py" line="244"/>
        <source>Order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/card.py" line="247"/>
        <source>Redemptions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/card.py" line="248"/>
        <source>Redeem part…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/card.py" line="249"/>
        <source>Scan next</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/card.py" line="252"/>
        <location filename="../../kiosk/ui/screens/card.py" line="285"/>
        <source>Redeem all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/card.py" line="267"/>
        <source>OFFLINE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/card.py" line="280"/>
        <source>Apply to order…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/card.py" line="283"/>
        <source>Redeem all (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../kiosk/ui/screens/card.py" line="313"/>
        <source>Offline: showing the last known status. Last checked online at %1, %n minute(s) ago.</source>
        <translation>
            <numerusform>Offline: showing the last known status. Last checked online at %1, %n minute ago.</numerusform>
            <numerusform>Offline: showing the last known status. Last checked online at %1, %n minutes ago.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/card.py" line="316"/>
        <source>This voucher platform judges a saved redemption when it is sent, not at this time: if the voucher expires before the till is back online, it will be refused.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/card.py" line="325"/>
        <source>This till accepts unseen vouchers offline, but cannot tell this one&apos;s currency or balance: redeem it when the till is back online, or ask a manager.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/card.py" line="328"/>
        <source>Can&apos;t redeem until the till is back online. A manager can allow unseen vouchers in Settings → Offline.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/card.py" line="331"/>
        <source>Can&apos;t redeem: check the code shown above against the voucher.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/card.py" line="333"/>
        <source>Can&apos;t redeem: this voucher platform does not apply discount vouchers at the till.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/card.py" line="336"/>
        <source>Can&apos;t redeem: nothing left to redeem here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/card.py" line="337"/>
        <source>Can&apos;t redeem: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/card.py" line="359"/>
        <source>%1 waiting to be sent from this till.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/card.py" line="367"/>
        <source>%1, bought %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/card.py" line="410"/>
        <source>%1 to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/card.py" line="412"/>
        <source>until %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/card.py" line="414"/>
        <source>from %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/card.py" line="415"/>
        <source>no expiry date</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConnectionIndicator</name>
    <message>
        <location filename="../../kiosk/ui/widgets/connection.py" line="67"/>
        <source>Clock wrong: ask a manager</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/widgets/connection.py" line="54"/>
        <source>Connecting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/widgets/connection.py" line="55"/>
        <location filename="../../kiosk/ui/widgets/connection.py" line="72"/>
        <source>Queue: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../kiosk/ui/widgets/connection.py" line="59"/>
        <source>Syncing %n</source>
        <translation>
            <numerusform>Syncing %n</numerusform>
            <numerusform>Syncing %n</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/widgets/connection.py" line="61"/>
        <source>Online</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/widgets/connection.py" line="64"/>
        <source>Offline since %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/widgets/connection.py" line="74"/>
        <source>Conflicts: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CounterFlow</name>
    <message>
        <location filename="../../kiosk/ui/flows/counter.py" line="78"/>
        <location filename="../../kiosk/ui/flows/counter.py" line="153"/>
        <source>End of shift</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/flows/counter.py" line="80"/>
        <source>Staff accounts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/flows/counter.py" line="151"/>
        <source>Reprint last receipt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/flows/counter.py" line="152"/>
        <source>Reprint receipt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/flows/counter.py" line="155"/>
        <source>Add, change or remove this shop&apos;s staff and set new passwords. An administrator of the shop signs in for this only; nothing of it is saved on the till.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/flows/counter.py" line="157"/>
        <source>Manage staff accounts…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/flows/counter.py" line="164"/>
        <source>Printer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/flows/counter.py" line="165"/>
        <source>Staff</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/flows/counter.py" line="175"/>
        <source>Pick a redemption first.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Keypad</name>
    <message>
        <location filename="../../kiosk/ui/widgets/keypad.py" line="63"/>
        <source>Max</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/widgets/keypad.py" line="64"/>
        <source>Everything available</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/widgets/keypad.py" line="65"/>
        <source>Delete the last digit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/widgets/keypad.py" line="66"/>
        <source>C</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/widgets/keypad.py" line="67"/>
        <source>Clear</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LocalStaffPanel</name>
    <message>
        <location filename="../../kiosk/ui/local_staff.py" line="109"/>
        <source>This platform signs in the shop, not people: staff sign in on this till with their own PIN, and their name goes on receipts and reports. Nobody is deleted: a deactivated member keeps their name in the history.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/local_staff.py" line="112"/>
        <location filename="../../kiosk/ui/local_staff.py" line="114"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/local_staff.py" line="112"/>
        <source>Role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/local_staff.py" line="113"/>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/local_staff.py" line="114"/>
        <source>PIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/local_staff.py" line="115"/>
        <source>PIN again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/local_staff.py" line="117"/>
        <location filename="../../kiosk/ui/local_staff.py" line="139"/>
        <source>Manager</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/local_staff.py" line="118"/>
        <source>Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/local_staff.py" line="119"/>
        <source>Change PIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/local_staff.py" line="120"/>
        <source>Deactivate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/local_staff.py" line="139"/>
        <source>Staff</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/local_staff.py" line="140"/>
        <source>Active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/local_staff.py" line="140"/>
        <source>Deactivated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/local_staff.py" line="169"/>
        <source>Make staff</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/local_staff.py" line="170"/>
        <source>Make manager</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/local_staff.py" line="180"/>
        <source>%1 was added.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/local_staff.py" line="190"/>
        <source>%1 has a new PIN.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/local_staff.py" line="198"/>
        <source>%1 is staff now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/local_staff.py" line="199"/>
        <source>%1 is a manager now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/local_staff.py" line="207"/>
        <source>%1 was deactivated.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LockFlow</name>
    <message numerus="yes">
        <location filename="../../kiosk/ui/flows/lock.py" line="81"/>
        <source>%n redemption(s) are still waiting to be sent. Signing out now would strand them.</source>
        <translation>
            <numerusform>%n redemption is still waiting to be sent. Signing out now would strand it.</numerusform>
            <numerusform>%n redemptions are still waiting to be sent. Signing out now would strand them.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/flows/lock.py" line="85"/>
        <source>Work offline is on: unlock, switch it off in Settings → Connection, and wait until the queue is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/flows/lock.py" line="89"/>
        <source>The till is offline: reconnect it to the network, then wait until the queue is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/flows/lock.py" line="91"/>
        <source>Wait until the queue is empty (Queue → Send now).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message>
        <location filename="../../kiosk/ui/screens/lock.py" line="117"/>
        <source>Locked — %1, enter your password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/lock.py" line="118"/>
        <source>Locked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/lock.py" line="120"/>
        <source>Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/lock.py" line="120"/>
        <source>Password or manager PIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/lock.py" line="114"/>
        <location filename="../../kiosk/ui/screens/lock.py" line="121"/>
        <source>Unlock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/lock.py" line="112"/>
        <source>Locked — choose your name and enter your PIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/lock.py" line="113"/>
        <source>PIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/lock.py" line="115"/>
        <location filename="../../kiosk/ui/screens/lock.py" line="122"/>
        <source>Switch staff</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/lock.py" line="179"/>
        <source>That was a scan. Unlock first, then scan again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/lock.py" line="200"/>
        <source>Wrong password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/lock.py" line="200"/>
        <source>Wrong password or PIN.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/lock.py" line="210"/>
        <source>Choose your name first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../kiosk/ui/screens/lock.py" line="228"/>
        <source>Wrong PIN. %n more wrong PIN(s) and the till waits.</source>
        <translation>
            <numerusform>Wrong PIN. %n more wrong PIN and the till waits.</numerusform>
            <numerusform>Wrong PIN. %n more wrong PINs and the till waits.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../kiosk/ui/main_window.py" line="362"/>
        <source>Scan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/main_window.py" line="362"/>
        <source>Queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/main_window.py" line="362"/>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/main_window.py" line="362"/>
        <source>Lock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/main_window.py" line="379"/>
        <source>Till 1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/main_window.py" line="388"/>
        <source>%1 at %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/main_window.py" line="675"/>
        <source>Leave kiosk mode</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ManagerScreen</name>
    <message>
        <location filename="../../kiosk/ui/screens/manager.py" line="79"/>
        <source>Manager authorisation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/manager.py" line="82"/>
        <source>Manager PIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/manager.py" line="85"/>
        <source>Your password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/manager.py" line="87"/>
        <source>No manager PIN yet: enter your own password. Set a manager PIN in Settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/manager.py" line="89"/>
        <source>OK</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/manager.py" line="90"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/manager.py" line="126"/>
        <source>Wrong PIN.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/manager.py" line="127"/>
        <source>Wrong password.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PrinterSettingsPage</name>
    <message>
        <location filename="../../kiosk/ui/printer_settings.py" line="97"/>
        <source>Printer settings saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/printer_settings.py" line="103"/>
        <source>Not saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/printer_settings.py" line="109"/>
        <source>Printing a test page…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/printer_settings.py" line="114"/>
        <source>The printer answered: test page printed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/printer_settings.py" line="117"/>
        <source>The printer is not answering: check that it is on, connected, and that the address is right.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/printer_settings.py" line="120"/>
        <source>The printer is out of paper.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/printer_settings.py" line="127"/>
        <source>host or host:port, e.g. 192.168.1.50:9100</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/printer_settings.py" line="128"/>
        <source>vendor:product in hex, e.g. 04b8:0202</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/printer_settings.py" line="129"/>
        <source>device, e.g. /dev/ttyUSB0 or COM3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/printer_settings.py" line="130"/>
        <source>device file, e.g. /dev/usb/lp0</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/printer_settings.py" line="131"/>
        <source>printer name (empty: the default printer)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/printer_settings.py" line="145"/>
        <source>No receipt printer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/printer_settings.py" line="145"/>
        <source>Network printer (ESC/POS)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/printer_settings.py" line="146"/>
        <source>USB printer (ESC/POS)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/printer_settings.py" line="146"/>
        <source>Serial printer (ESC/POS)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/printer_settings.py" line="147"/>
        <source>Printer device file (ESC/POS)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/printer_settings.py" line="147"/>
        <source>System printer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/printer_settings.py" line="152"/>
        <source>58 mm paper</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/printer_settings.py" line="152"/>
        <source>80 mm paper</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/printer_settings.py" line="154"/>
        <source>Printer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/printer_settings.py" line="154"/>
        <source>Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/printer_settings.py" line="154"/>
        <source>Paper</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/printer_settings.py" line="155"/>
        <source>Receipt footer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/printer_settings.py" line="158"/>
        <source>Cut the paper after each receipt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/printer_settings.py" line="159"/>
        <source>Open the cash drawer with each receipt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/printer_settings.py" line="160"/>
        <source>Print a receipt after every redemption</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/printer_settings.py" line="161"/>
        <source>Test print</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QueueFlow</name>
    <message>
        <location filename="../../kiosk/ui/flows/queue.py" line="48"/>
        <source>Retry a conflict</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/flows/queue.py" line="51"/>
        <source>Write off a conflict</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/flows/queue.py" line="54"/>
        <location filename="../../kiosk/ui/flows/queue.py" line="56"/>
        <source>Export the redemptions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/flows/queue.py" line="73"/>
        <source>Work offline is on: nothing is sent. Switch it off in Settings → Connection to send the queue.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/flows/queue.py" line="76"/>
        <source>Sending…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/flows/queue.py" line="91"/>
        <source>Conflict resolved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../kiosk/ui/flows/queue.py" line="97"/>
        <source>%n redemption(s) exported to %1.</source>
        <translation>
            <numerusform>%n redemption exported to %1.</numerusform>
            <numerusform>%n redemptions exported to %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>QueueScreen</name>
    <message>
        <location filename="../../kiosk/ui/screens/queue.py" line="137"/>
        <source>Queue and conflicts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/queue.py" line="138"/>
        <source>Waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/queue.py" line="138"/>
        <source>Conflicts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/queue.py" line="139"/>
        <source>Done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/queue.py" line="139"/>
        <source>All</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/queue.py" line="142"/>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/queue.py" line="142"/>
        <source>Code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/queue.py" line="142"/>
        <source>Amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/queue.py" line="142"/>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/queue.py" line="143"/>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/queue.py" line="144"/>
        <source>Send now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/queue.py" line="145"/>
        <source>Export CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/queue.py" line="203"/>
        <source>Retried with %1 (the voucher&apos;s remaining balance).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/queue.py" line="206"/>
        <source>%1 not collected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/queue.py" line="209"/>
        <source>Written off: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/queue.py" line="210"/>
        <source>Written off.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/queue.py" line="212"/>
        <source>Undone by a manager: not counted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/queue.py" line="214"/>
        <source>Undo not confirmed by the server yet: undo again to finish it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/queue.py" line="216"/>
        <source>Sent (redeemed offline, confirmed later).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/queue.py" line="223"/>
        <source>Not sent yet: the server could not be reached. It is retried automatically.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/queue.py" line="250"/>
        <source>Nothing waiting: every redemption has reached the server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/queue.py" line="251"/>
        <source>No conflicts: nothing the server refused.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/queue.py" line="252"/>
        <source>Nothing sent yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/queue.py" line="253"/>
        <source>No redemptions yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/queue.py" line="293"/>
        <source>Retry: take what is left, up to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/queue.py" line="296"/>
        <source>Retry with remaining balance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/queue.py" line="147"/>
        <source>Write off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/queue.py" line="148"/>
        <source>Note for the write-off (required)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../kiosk/ui/screens/queue.py" line="179"/>
        <location filename="../../kiosk/ui/screens/queue.py" line="189"/>
        <source>%n use(s)</source>
        <translation>
            <numerusform>%n use</numerusform>
            <numerusform>%n uses</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../kiosk/ui/screens/queue.py" line="181"/>
        <source>This shift: %n redemption(s)</source>
        <translation>
            <numerusform>This shift: %n redemption</numerusform>
            <numerusform>This shift: %n redemptions</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/queue.py" line="183"/>
        <source>online %1, offline %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/queue.py" line="234"/>
        <source>offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/queue.py" line="314"/>
        <source>Export redemptions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/queue.py" line="315"/>
        <source>CSV files (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReceiptPanel</name>
    <message>
        <location filename="../../kiosk/ui/receipts.py" line="133"/>
        <source>Printing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/receipts.py" line="146"/>
        <source>Printer out of paper</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/receipts.py" line="147"/>
        <source>No receipt printer set up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/receipts.py" line="148"/>
        <source>Printer not answering</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../kiosk/ui/receipts.py" line="150"/>
        <source>%1 — %n receipt(s) kept, tap to retry</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/receipts.py" line="156"/>
        <source>Print receipt</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Receipts</name>
    <message>
        <location filename="../../kiosk/ui/receipts.py" line="163"/>
        <source>Printed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/receipts.py" line="165"/>
        <source>Printer not answering — receipt kept, tap to retry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/receipts.py" line="167"/>
        <source>Printer out of paper — receipt kept, tap to retry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/receipts.py" line="169"/>
        <source>No receipt printer is set up (Settings → Printer).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/receipts.py" line="171"/>
        <source>There is no redemption to print yet.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RedeemScreen</name>
    <message>
        <location filename="../../kiosk/ui/screens/redeem.py" line="178"/>
        <source>Sending…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/redeem.py" line="187"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/redeem.py" line="188"/>
        <source>Next</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/redeem.py" line="189"/>
        <source>Change amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/redeem.py" line="190"/>
        <source>Yes, redeem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/redeem.py" line="193"/>
        <source>Redeem part</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/redeem.py" line="196"/>
        <source>Order total for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/redeem.py" line="198"/>
        <source>Change order total</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/redeem.py" line="199"/>
        <source>Yes, apply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/redeem.py" line="205"/>
        <source>Amount to redeem from %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/redeem.py" line="207"/>
        <source>Uses to redeem from %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/redeem.py" line="209"/>
        <source>Available: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/redeem.py" line="248"/>
        <source>Enter an amount.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/redeem.py" line="251"/>
        <source>Enter an amount greater than zero.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/redeem.py" line="258"/>
        <source>This voucher needs an order of at least %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/redeem.py" line="260"/>
        <source>This voucher needs an order over %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/redeem.py" line="265"/>
        <source>Too much: only %1 can be redeemed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/redeem.py" line="290"/>
        <source>%1: −%2, customer pays %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/redeem.py" line="297"/>
        <source>This platform has no redeem step: the till counts the use itself. If another till or the web shop uses this code at the same moment, one use may go uncounted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/redeem.py" line="302"/>
        <source>Redeem %1?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/redeem.py" line="304"/>
        <source>%1 will be left.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ResultScreen</name>
    <message>
        <location filename="../../kiosk/ui/screens/result.py" line="140"/>
        <source>Already redeemed %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/result.py" line="141"/>
        <source>A redemption of %1 at %2 did go through. Nothing more was taken.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/result.py" line="145"/>
        <source>Not confirmed yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/result.py" line="146"/>
        <source>A redemption of %1 at %2 is saved and will be checked. Nothing more was taken.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../kiosk/ui/screens/result.py" line="120"/>
        <source>Back to scanning in %n second(s)…</source>
        <translation>
            <numerusform>Back to scanning in %n second…</numerusform>
            <numerusform>Back to scanning in %n seconds…</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/result.py" line="125"/>
        <source>Scan next</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/result.py" line="130"/>
        <location filename="../../kiosk/ui/screens/result.py" line="161"/>
        <source>Not redeemed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/result.py" line="151"/>
        <source>%1 applied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/result.py" line="154"/>
        <source>Redeemed %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/result.py" line="167"/>
        <source>Customer pays %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/result.py" line="152"/>
        <location filename="../../kiosk/ui/screens/result.py" line="155"/>
        <source>Confirmed by the server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/result.py" line="158"/>
        <source>Saved — will be sent when back online</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/result.py" line="159"/>
        <source>%1 redeemed offline.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/result.py" line="159"/>
        <source>OFFLINE</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ScanFlow</name>
    <message>
        <location filename="../../kiosk/ui/flows/scan.py" line="116"/>
        <source>That is not a voucher code: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/flows/scan.py" line="123"/>
        <source>Scan of %1 ignored: a redemption is being sent. Scan again after the result.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/flows/scan.py" line="259"/>
        <source>Redeemed %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/flows/scan.py" line="259"/>
        <source>Redeemed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/flows/scan.py" line="260"/>
        <source>Saved offline %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/flows/scan.py" line="260"/>
        <source>Saved offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/flows/scan.py" line="261"/>
        <source>Not redeemed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/flows/scan.py" line="262"/>
        <source>Written off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/flows/scan.py" line="269"/>
        <source>Undo asked %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/flows/scan.py" line="270"/>
        <source>Undone %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/flows/scan.py" line="271"/>
        <source>Cancelled %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/flows/scan.py" line="272"/>
        <source>Undo not confirmed %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/flows/scan.py" line="273"/>
        <source>Not undone %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ScanScreen</name>
    <message>
        <location filename="../../kiosk/ui/screens/scan.py" line="115"/>
        <source>Scan a voucher or type its code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/scan.py" line="116"/>
        <source>Voucher code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/scan.py" line="117"/>
        <source>Check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/scan.py" line="118"/>
        <source>Clear the code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/scan.py" line="119"/>
        <source>Recent scans</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/scan.py" line="121"/>
        <source>No scans yet. Scan a voucher, or type its code above and tap Check: each one shows here with what happened.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/scan.py" line="123"/>
        <source>Camera settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/scan.py" line="143"/>
        <source>Checking %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/scan.py" line="176"/>
        <source>Starting the camera…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/scan.py" line="178"/>
        <source>The camera is not working. Use the barcode scanner or type the code.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/scan.py" line="180"/>
        <source>No camera. Use the barcode scanner or type the code.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsFlow</name>
    <message>
        <location filename="../../kiosk/ui/flows/settings.py" line="47"/>
        <source>Open the settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/flows/settings.py" line="53"/>
        <source>%1 on %2, shop %3, at %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/flows/settings.py" line="57"/>
        <source>%1 (%2) on %3 at %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/flows/settings.py" line="97"/>
        <source>Saved. The manager PIN is set.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/flows/settings.py" line="97"/>
        <source>Saved.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsScreen</name>
    <message>
        <location filename="../../kiosk/ui/screens/settings.py" line="208"/>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/settings.py" line="210"/>
        <source>Kiosk name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/settings.py" line="210"/>
        <source>Camera</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/settings.py" line="212"/>
        <location filename="../../kiosk/ui/screens/settings.py" line="235"/>
        <source>Preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/settings.py" line="212"/>
        <source>New manager PIN (twice)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/settings.py" line="213"/>
        <location filename="../../kiosk/ui/screens/settings.py" line="225"/>
        <source>Connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/settings.py" line="214"/>
        <source>Barcode decoder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/settings.py" line="214"/>
        <source>Sounds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/settings.py" line="215"/>
        <source>Volume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/settings.py" line="215"/>
        <source>Lock after idle minutes (0 = never)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/settings.py" line="216"/>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/settings.py" line="226"/>
        <source>Offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/settings.py" line="220"/>
        <source>Kiosk mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/settings.py" line="211"/>
        <source>Shop name (screen and receipts)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/settings.py" line="217"/>
        <source>Trust checks from the last hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/settings.py" line="218"/>
        <source>Most per voucher (amount or uses, 0 = no limit)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/settings.py" line="219"/>
        <source>Most per shift (amount or uses, 0 = no limit)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/settings.py" line="220"/>
        <source>Never-checked vouchers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/settings.py" line="221"/>
        <source>Server and account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/settings.py" line="222"/>
        <source>Scanner speed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/settings.py" line="223"/>
        <source>Test your scanner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/settings.py" line="225"/>
        <source>Till</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/settings.py" line="226"/>
        <source>Scanner and camera</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/settings.py" line="228"/>
        <source>Fast (USB)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/settings.py" line="228"/>
        <source>Normal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/settings.py" line="229"/>
        <source>Slow (Bluetooth, cheap scanners)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/settings.py" line="231"/>
        <source>Scan any barcode here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/settings.py" line="240"/>
        <source>Empty: the shop&apos;s name on the server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/settings.py" line="255"/>
        <source>Accept vouchers this till has never checked, while offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/settings.py" line="315"/>
        <source>Read %1 — slowest gap between keys %2 ms.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/settings.py" line="349"/>
        <source>The manager PIN must be at least 4 digits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/settings.py" line="352"/>
        <source>The two PINs are not the same.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/settings.py" line="361"/>
        <source>That arrived as typing, not as a scan: choose a slower scanner speed, save, and test again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/settings.py" line="405"/>
        <source>Tap Preview to test the camera and decoder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/settings.py" line="406"/>
        <source>Starting the camera…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/settings.py" line="407"/>
        <source>Camera working. Hold a voucher code in front of it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/settings.py" line="408"/>
        <source>No camera found at this address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/settings.py" line="409"/>
        <source>The camera stopped; trying again…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/settings.py" line="410"/>
        <source>The camera stopped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/settings.py" line="414"/>
        <source>Read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/settings.py" line="234"/>
        <source>Find cameras</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/settings.py" line="236"/>
        <source>Combined (best)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/settings.py" line="236"/>
        <source>zxing-cpp</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/settings.py" line="237"/>
        <source>ZBar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/settings.py" line="239"/>
        <source>Work offline (send nothing until switched off)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/settings.py" line="241"/>
        <source>New PIN (4+ digits)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/settings.py" line="242"/>
        <source>Repeat the PIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/settings.py" line="244"/>
        <source>A manager PIN is set. Type a new one to change it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/settings.py" line="246"/>
        <source>No manager PIN for the whole till: manager actions take a manager&apos;s own PIN. One set here works too.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/settings.py" line="249"/>
        <source>No manager PIN yet: manager actions ask for the signed-in password. Set a manager PIN here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/settings.py" line="253"/>
        <source>Beep on every result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/settings.py" line="256"/>
        <source>Start full screen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/settings.py" line="257"/>
        <source>System language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/settings.py" line="261"/>
        <source>Switch staff</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/settings.py" line="262"/>
        <source>Sign out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/settings.py" line="263"/>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ShiftReportScreen</name>
    <message>
        <location filename="../../kiosk/ui/shift_report.py" line="47"/>
        <source>Save the report as PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/shift_report.py" line="124"/>
        <source>Checking this shift with the server…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../kiosk/ui/shift_report.py" line="136"/>
        <source>%n redemption(s) of this till do not match the server: see MISMATCH below.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../kiosk/ui/shift_report.py" line="141"/>
        <source>%n voucher(s) could not be checked with the server (offline): the figures below are this till&apos;s own.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/shift_report.py" line="146"/>
        <source>This voucher platform keeps no redemption history: the server check is not available.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/shift_report.py" line="150"/>
        <source>The server&apos;s records match this till&apos;s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/shift_report.py" line="157"/>
        <source>The report could not be built: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/shift_report.py" line="171"/>
        <source>Summary printed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/shift_report.py" line="176"/>
        <source>Not printed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/shift_report.py" line="193"/>
        <source>The PDF was not saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/shift_report.py" line="195"/>
        <source>Saved as %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/shift_report.py" line="203"/>
        <source>Tap again to close the shift</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/shift_report.py" line="218"/>
        <source>End of shift (Z report)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/shift_report.py" line="219"/>
        <source>Check again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/shift_report.py" line="220"/>
        <source>Print summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/shift_report.py" line="221"/>
        <source>Save PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/shift_report.py" line="223"/>
        <source>Close shift</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/shift_report.py" line="224"/>
        <source>Back</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ShiftText</name>
    <message>
        <location filename="../../kiosk/app/shift_text.py" line="63"/>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../kiosk/app/shift_text.py" line="67"/>
        <source>%1 (%n redemption(s))</source>
        <translation>
            <numerusform>%1 (%n redemption)</numerusform>
            <numerusform>%1 (%n redemptions)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../kiosk/app/shift_text.py" line="72"/>
        <source>Online:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/app/shift_text.py" line="72"/>
        <source>Offline:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/app/shift_text.py" line="73"/>
        <source>Total:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/app/shift_text.py" line="74"/>
        <source>Still queued:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/app/shift_text.py" line="74"/>
        <source>%1 — not yet confirmed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/app/shift_text.py" line="76"/>
        <source>Conflicts:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/app/shift_text.py" line="76"/>
        <source>%1   Written off: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/app/shift_text.py" line="80"/>
        <source>Undone:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/app/shift_text.py" line="80"/>
        <source>%1 — taken back, not counted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/app/shift_text.py" line="85"/>
        <source>Till 1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/app/shift_text.py" line="86"/>
        <source>End-of-shift report (Z)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/app/shift_text.py" line="87"/>
        <source>From %1 to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/app/shift_text.py" line="91"/>
        <source>Undo unconfirmed: %1 — counted as taken until the server confirms it (the till asks again at the next sync)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/app/shift_text.py" line="94"/>
        <source>Per staff member:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/app/shift_text.py" line="96"/>
        <source>%1: online %2, offline %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/app/shift_text.py" line="98"/>
        <source>Server check:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/app/shift_text.py" line="101"/>
        <source>Conflict %1 %2 %3: %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/app/shift_text.py" line="104"/>
        <source>Written off %1 %2 %3: %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/app/shift_text.py" line="115"/>
        <source>MISMATCH: ours, not on the server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/app/shift_text.py" line="116"/>
        <source>MISMATCH: different amount on the server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/app/shift_text.py" line="117"/>
        <source>redeemed elsewhere (another till or the web shop)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/app/shift_text.py" line="125"/>
        <source>Not checked: work offline is switched on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/app/shift_text.py" line="126"/>
        <source>Not checked: the server could not be reached</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/app/shift_text.py" line="127"/>
        <source>Not checked: the till is signed out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/app/shift_text.py" line="134"/>
        <source>This voucher platform keeps no redemption history: not checked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/app/shift_text.py" line="137"/>
        <source>%1 voucher(s) checked, %2 mismatch(es), %3 redeemed elsewhere</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/app/shift_text.py" line="140"/>
        <source>%1: %2 voucher(s) — </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/app/shift_text.py" line="143"/>
        <source>The server&apos;s records match this till&apos;s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/app/shift_text.py" line="147"/>
        <source>ours %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/app/shift_text.py" line="149"/>
        <source>server %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SignInScreen</name>
    <message>
        <location filename="../../kiosk/ui/screens/signin.py" line="123"/>
        <source>Sign in to this till</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/signin.py" line="131"/>
        <source>Server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/signin.py" line="126"/>
        <source>Staff email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/signin.py" line="126"/>
        <source>Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/signin.py" line="127"/>
        <location filename="../../kiosk/ui/screens/signin.py" line="128"/>
        <location filename="../../kiosk/ui/screens/signin.py" line="129"/>
        <source>API key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/signin.py" line="128"/>
        <source>Merchant id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/signin.py" line="129"/>
        <source>API secret</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/signin.py" line="131"/>
        <source>Shop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/signin.py" line="131"/>
        <source>Kiosk name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/signin.py" line="132"/>
        <source>Platform</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/signin.py" line="132"/>
        <source>Your name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/signin.py" line="141"/>
        <source>Demo shop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/signin.py" line="143"/>
        <source>name@shop.example</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/signin.py" line="144"/>
        <source>who works this till</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/signin.py" line="145"/>
        <source>Find my shops</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/signin.py" line="146"/>
        <source>e.g. Front till</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/signin.py" line="147"/>
        <source>Sign in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/signin.py" line="203"/>
        <source>Enter the server and your email first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/signin.py" line="217"/>
        <source>No shops found for this email.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/signin.py" line="230"/>
        <source>Fill in the server, email, password and shop.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/signin.py" line="257"/>
        <source>Fill in every field.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/signin.py" line="272"/>
        <source>The server refused the shop&apos;s credentials: check them and the platform.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StaffScreen</name>
    <message>
        <location filename="../../kiosk/ui/staff.py" line="43"/>
        <source>Something went wrong: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/staff.py" line="145"/>
        <source>Asking the server…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/staff.py" line="179"/>
        <source>Signed in as an administrator for this screen only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/staff.py" line="193"/>
        <location filename="../../kiosk/ui/staff.py" line="327"/>
        <source>Administrator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/staff.py" line="193"/>
        <source>Staff</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/staff.py" line="194"/>
        <location filename="../../kiosk/ui/staff.py" line="328"/>
        <source>Redeem only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/staff.py" line="227"/>
        <source>%1 can now sign in on this shop.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/staff.py" line="245"/>
        <source>Changes saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/staff.py" line="255"/>
        <source>Tap again to remove %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/staff.py" line="265"/>
        <source>%1 can no longer sign in on this shop (other shops are unchanged).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/staff.py" line="282"/>
        <source>New password set for %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/staff.py" line="310"/>
        <source>Staff accounts — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/staff.py" line="313"/>
        <source>An administrator of this shop signs in here. This sign-in is used for this screen only and is not saved on the till.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/staff.py" line="315"/>
        <source>Administrator e-mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/staff.py" line="316"/>
        <source>Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/staff.py" line="318"/>
        <source>Sign in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/staff.py" line="319"/>
        <location filename="../../kiosk/ui/staff.py" line="322"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/staff.py" line="319"/>
        <location filename="../../kiosk/ui/staff.py" line="322"/>
        <source>E-mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/staff.py" line="320"/>
        <location filename="../../kiosk/ui/staff.py" line="322"/>
        <source>Role here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/staff.py" line="323"/>
        <source>New password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/staff.py" line="323"/>
        <source>Password again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/staff.py" line="327"/>
        <source>Staff (check and redeem)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/staff.py" line="330"/>
        <source>Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/staff.py" line="331"/>
        <source>Save changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/staff.py" line="332"/>
        <source>Set new password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/staff.py" line="334"/>
        <source>Remove from this shop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/staff.py" line="335"/>
        <source>Done</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StaffSetupScreen</name>
    <message>
        <location filename="../../kiosk/ui/screens/staff_setup.py" line="74"/>
        <source>Set up the first manager</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/staff_setup.py" line="76"/>
        <source>This platform signs in the shop, not people: the till keeps its own staff list. Enter the first manager&apos;s name and a PIN of 4 to 8 digits. Managers add the rest of the staff in Settings → Staff.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/staff_setup.py" line="79"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/staff_setup.py" line="79"/>
        <source>PIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/staff_setup.py" line="80"/>
        <source>PIN again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/staff_setup.py" line="82"/>
        <source>Save and start</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Texts</name>
    <message>
        <location filename="../../kiosk/ui/texts.py" line="256"/>
        <source>Offline: the till&apos;s clock is wrong. Ask a manager to set it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/texts.py" line="314"/>
        <source>Storage full — nothing was redeemed. Call a manager.</source>
        <translation>Storage full — nothing was redeemed. Call a manager.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/texts.py" line="316"/>
        <source>The till could not save this redemption — nothing was redeemed. Call a manager.</source>
        <translation>The till could not save this redemption — nothing was redeemed. Call a manager.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/texts.py" line="83"/>
        <source>Valid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/texts.py" line="84"/>
        <source>Valid — partly used</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/texts.py" line="85"/>
        <source>Fully redeemed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/texts.py" line="86"/>
        <source>Expired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/texts.py" line="87"/>
        <source>Not valid yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/texts.py" line="88"/>
        <source>Cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/texts.py" line="89"/>
        <source>Not for this shop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/texts.py" line="90"/>
        <source>Unknown voucher</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/texts.py" line="91"/>
        <source>Can&apos;t check offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/texts.py" line="99"/>
        <source>This voucher hasn&apos;t been seen on this till.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/texts.py" line="102"/>
        <source>This code is not a voucher of this shop.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/texts.py" line="106"/>
        <source>Nothing left on this voucher.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/texts.py" line="107"/>
        <source>Fully redeemed on %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/texts.py" line="111"/>
        <location filename="../../kiosk/ui/texts.py" line="241"/>
        <source>This voucher has expired.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/texts.py" line="112"/>
        <source>Expired on %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/texts.py" line="115"/>
        <source>Valid from %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/texts.py" line="124"/>
        <source>This voucher cannot be redeemed here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../kiosk/ui/texts.py" line="41"/>
        <source>%n use(s)</source>
        <translation>
            <numerusform>%n use</numerusform>
            <numerusform>%n uses</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/texts.py" line="228"/>
        <source>%1 left</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../kiosk/ui/texts.py" line="47"/>
        <source>%1 of %n use(s) left</source>
        <translation>
            <numerusform>%1 of %n use left</numerusform>
            <numerusform>%1 of %n uses left</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/texts.py" line="40"/>
        <source>unlimited uses</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../kiosk/ui/texts.py" line="46"/>
        <source>Unlimited uses, %n used</source>
        <translation>
            <numerusform>Unlimited uses, %n used</numerusform>
            <numerusform>Unlimited uses, %n used</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/texts.py" line="118"/>
        <source>This voucher was replaced by a new voucher: scan the new one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/texts.py" line="121"/>
        <source>This voucher was refunded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/texts.py" line="122"/>
        <source>This voucher was cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/texts.py" line="170"/>
        <source>%1% off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/texts.py" line="173"/>
        <source>%1 off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/texts.py" line="175"/>
        <source>Free shipping</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/texts.py" line="186"/>
        <source>orders over %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/texts.py" line="188"/>
        <source>orders from %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/texts.py" line="199"/>
        <source>Free shipping: nothing to take off at the counter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/texts.py" line="202"/>
        <source>Applies to certain products only: check the basket.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/texts.py" line="236"/>
        <source>Voucher not found.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/texts.py" line="237"/>
        <source>This voucher cannot be redeemed at this shop.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/texts.py" line="239"/>
        <source>That amount cannot be taken from this voucher.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/texts.py" line="242"/>
        <source>This voucher is not valid yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/texts.py" line="244"/>
        <source>This voucher has already been fully redeemed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/texts.py" line="246"/>
        <source>This voucher has been cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/texts.py" line="248"/>
        <source>Enter an amount greater than zero.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/texts.py" line="250"/>
        <source>Offline: this voucher has not been seen before, so it cannot be checked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/texts.py" line="252"/>
        <source>Offline: the last check of this voucher is too old.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/texts.py" line="254"/>
        <source>Offline: over the limit allowed without a connection.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/texts.py" line="258"/>
        <source>This voucher platform cannot do that.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/texts.py" line="262"/>
        <source>Not redeemed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/texts.py" line="270"/>
        <source>Enter the staff member&apos;s name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/texts.py" line="271"/>
        <source>A name has at most 40 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/texts.py" line="272"/>
        <source>Someone on this till already has that name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/texts.py" line="273"/>
        <source>A PIN is 4 to 8 digits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/texts.py" line="274"/>
        <source>The two PINs do not match.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/texts.py" line="275"/>
        <source>Someone on this till already has that PIN: choose another.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/texts.py" line="277"/>
        <source>That is the till&apos;s manager PIN: choose another.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/texts.py" line="278"/>
        <source>The first member of staff must be a manager.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/texts.py" line="279"/>
        <source>The till needs at least one manager: make someone else a manager first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/texts.py" line="281"/>
        <source>No such member of staff on this till.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/texts.py" line="282"/>
        <source>The staff list changed meanwhile: try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/texts.py" line="283"/>
        <source>Too many wrong PINs: try again in %1 seconds.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/texts.py" line="298"/>
        <source>Wrong email or password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/texts.py" line="300"/>
        <source>This account has no access to that shop.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/texts.py" line="302"/>
        <source>The session has ended. Please sign in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/texts.py" line="304"/>
        <source>Signing in failed. Please sign in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/texts.py" line="306"/>
        <source>The server is busy. Try again in a moment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/texts.py" line="308"/>
        <source>Cannot reach the server. Check the address and the network.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/texts.py" line="311"/>
        <source>The server did not accept the request.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/texts.py" line="286"/>
        <location filename="../../kiosk/ui/texts.py" line="319"/>
        <source>Something went wrong: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/texts.py" line="326"/>
        <source>Waiting to send</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/texts.py" line="327"/>
        <source>Sending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/texts.py" line="328"/>
        <source>Redeemed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/texts.py" line="329"/>
        <source>Conflict</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/texts.py" line="330"/>
        <source>Written off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/texts.py" line="331"/>
        <source>Undo not confirmed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/texts.py" line="332"/>
        <source>Undone</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>UndoFlow</name>
    <message>
        <location filename="../../kiosk/ui/flows/undo.py" line="42"/>
        <source>VoucherCart cannot reverse a redemption: ask the shop&apos;s administrator to credit the voucher in the VoucherCart dashboard.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/flows/undo.py" line="45"/>
        <source>Vouchers API cannot take back an applied voucher: cancel or refund the order in the shop&apos;s own system; the voucher&apos;s use stays counted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/flows/undo.py" line="48"/>
        <source>ShopWired cannot undo a use of a voucher: ask the shop&apos;s administrator to lower the voucher&apos;s &apos;used&apos; count in the ShopWired admin.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/flows/undo.py" line="52"/>
        <source>This voucher platform cannot take a redemption back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/flows/undo.py" line="113"/>
        <location filename="../../kiosk/ui/flows/undo.py" line="114"/>
        <location filename="../../kiosk/ui/flows/undo.py" line="130"/>
        <location filename="../../kiosk/ui/flows/undo.py" line="142"/>
        <source>Undo last redemption</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/flows/undo.py" line="138"/>
        <location filename="../../kiosk/ui/flows/undo.py" line="209"/>
        <source>Nothing to undo: no redemption on this till since the shift began.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/flows/undo.py" line="143"/>
        <source>Undo %1 on voucher %2 (at %3)?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/flows/undo.py" line="148"/>
        <source>It is still queued: it will be cancelled and never sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/flows/undo.py" line="150"/>
        <source>The server takes the redemption back: the value is on the voucher again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/flows/undo.py" line="152"/>
        <source>Undo it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/flows/undo.py" line="154"/>
        <source>Keep it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/flows/undo.py" line="169"/>
        <source>Undoing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/flows/undo.py" line="194"/>
        <source>%1 on voucher %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/flows/undo.py" line="197"/>
        <source>Undone: %1 was taken back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/flows/undo.py" line="199"/>
        <source>Cancelled: %1 was still queued and will not be sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/flows/undo.py" line="202"/>
        <source>The server did not answer: the undo is not confirmed. Undo again — it cannot take back more than this one redemption.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/flows/undo.py" line="211"/>
        <source>Already undone: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/flows/undo.py" line="212"/>
        <source>The last redemption changed since it was shown: look again before undoing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/flows/undo.py" line="214"/>
        <source>The last redemption is being sent or not confirmed yet: wait until it is confirmed, then undo it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/flows/undo.py" line="216"/>
        <source>Offline: taking back a redemption needs the server. Try again when the till is back online.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/flows/undo.py" line="222"/>
        <source>Not undone: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
