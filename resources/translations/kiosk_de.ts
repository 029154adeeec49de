<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE" sourcelanguage="en">
<context>
    <name>CardScreen</name>
    <message>
        <location filename="../../kiosk/ui/screens/card.py" line="221"/>
        <source>Sending…</source>
        <translation>Wird gesendet…</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/card.py" line="240"/>
        <source>Product</source>
        <translation>Produkt</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/card.py" line="240"/>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/card.py" line="241"/>
        <source>Valid</source>
        <translation>Gültig</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/card.py" line="241"/>
        <source>Note</source>
        <translation>Hinweis</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/card.py" line="242"/>
        <source>For</source>
        <translation>Für</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/card.py" line="243"/>
        <source>Message</source>
        <translation>Nachricht</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/card.py" line="243"/>
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/card.py" line="244"/>
        <source>Order</source>
        <translation>Bestellung</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/card.py" line="247"/>
        <source>Redemptions</source>
        <translation>Einlösungen</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/card.py" line="248"/>
        <source>Redeem part…</source>
        <translation>Teil einlösen…</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/card.py" line="249"/>
        <source>Scan next</source>
        <translation>Nächster Scan</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/card.py" line="252"/>
        <location filename="../../kiosk/ui/screens/card.py" line="285"/>
        <source>Redeem all</source>
        <translation>Alles einlösen</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/card.py" line="267"/>
        <source>OFFLINE</source>
        <translation>OFFLINE</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/card.py" line="280"/>
        <source>Apply to order…</source>
        <translation>Auf Bestellung anwenden…</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/card.py" line="283"/>
        <source>Redeem all (%1)</source>
        <translation>Alles einlösen (%1)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../kiosk/ui/screens/card.py" line="313"/>
        <source>Offline: showing the last known status. Last checked online at %1, %n minute(s) ago.</source>
        <translation>
            <numerusform>Offline: letzter bekannter Stand. Zuletzt online geprüft am %1, vor %n Minute.</numerusform>
            <numerusform>Offline: letzter bekannter Stand. Zuletzt online geprüft am %1, vor %n Minuten.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/card.py" line="316"/>
        <source>This voucher platform judges a saved redemption when it is sent, not at this time: if the voucher expires before the till is back online, it will be refused.</source>
        <translation>Diese Gutscheinplattform prüft eine gespeicherte Einlösung erst beim Senden, nicht zu diesem Zeitpunkt: Läuft der Gutschein ab, bevor die Kasse wieder online ist, wird sie abgelehnt.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/card.py" line="325"/>
        <source>This till accepts unseen vouchers offline, but cannot tell this one&apos;s currency or balance: redeem it when the till is back online, or ask a manager.</source>
        <translation>Diese Kasse nimmt ungeprüfte Gutscheine offline an, kennt aber Währung und Restwert dieses Gutscheins nicht: einlösen, wenn die Kasse wieder online ist, oder eine Leitung fragen.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/card.py" line="328"/>
        <source>Can&apos;t redeem until the till is back online. A manager can allow unseen vouchers in Settings → Offline.</source>
        <translation>Einlösen erst, wenn die Kasse wieder online ist. Eine Leitung kann ungeprüfte Gutscheine unter Einstellungen → Offline erlauben.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/card.py" line="331"/>
        <source>Can&apos;t redeem: check the code shown above against the voucher.</source>
        <translation>Nicht einlösbar: den oben gezeigten Code mit dem Gutschein vergleichen.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/card.py" line="333"/>
        <source>Can&apos;t redeem: this voucher platform does not apply discount vouchers at the till.</source>
        <translation>Nicht einlösbar: Diese Gutscheinplattform nimmt an der Kasse keine Rabattgutscheine an.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/card.py" line="336"/>
        <source>Can&apos;t redeem: nothing left to redeem here.</source>
        <translation>Nicht einlösbar: nichts mehr übrig.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/card.py" line="337"/>
        <source>Can&apos;t redeem: %1</source>
        <translation>Nicht einlösbar: %1</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/card.py" line="359"/>
        <source>%1 waiting to be sent from this till.</source>
        <translation>%1 wartet an dieser Kasse auf Übertragung.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/card.py" line="367"/>
        <source>%1, bought %2</source>
        <translation>%1, gekauft am %2</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/card.py" line="410"/>
        <source>%1 to %2</source>
        <translation>%1 bis %2</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/card.py" line="412"/>
        <source>until %1</source>
        <translation>bis %1</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/card.py" line="414"/>
        <source>from %1</source>
        <translation>ab %1</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/card.py" line="415"/>
        <source>no expiry date</source>
        <translation>ohne Ablaufdatum</translation>
    </message>
</context>
<context>
    <name>ConnectionIndicator</name>
    <message>
        <location filename="../../kiosk/ui/widgets/connection.py" line="67"/>
        <source>Clock wrong: ask a manager</source>
        <translation>Uhr falsch: Filialleitung fragen</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/widgets/connection.py" line="54"/>
        <source>Connecting…</source>
        <translation>Verbinde…</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/widgets/connection.py" line="55"/>
        <location filename="../../kiosk/ui/widgets/connection.py" line="72"/>
        <source>Queue: %1</source>
        <translation>Warteschlange: %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../kiosk/ui/widgets/connection.py" line="59"/>
        <source>Syncing %n</source>
        <translation>
            <numerusform>Synchronisiere %n</numerusform>
            <numerusform>Synchronisiere %n</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/widgets/connection.py" line="61"/>
        <source>Online</source>
        <translation>Online</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/widgets/connection.py" line="64"/>
        <source>Offline since %1</source>
        <translation>Offline seit %1</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/widgets/connection.py" line="74"/>
        <source>Conflicts: %1</source>
        <translation>Konflikte: %1</translation>
    </message>
</context>
<context>
    <name>CounterFlow</name>
    <message>
        <location filename="../../kiosk/ui/flows/counter.py" line="78"/>
        <location filename="../../kiosk/ui/flows/counter.py" line="153"/>
        <source>End of shift</source>
        <translation>Schichtabschluss</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/flows/counter.py" line="80"/>
        <source>Staff accounts</source>
        <translation>Mitarbeiterkonten</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/flows/counter.py" line="151"/>
        <source>Reprint last receipt</source>
        <translation>Letzten Beleg nachdrucken</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/flows/counter.py" line="152"/>
        <source>Reprint receipt</source>
        <translation>Beleg nachdrucken</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/flows/counter.py" line="155"/>
        <source>Add, change or remove this shop&apos;s staff and set new passwords. An administrator of the shop signs in for this only; nothing of it is saved on the till.</source>
        <translation>Mitarbeitende dieses Shops hinzufügen, ändern oder entfernen und neue Passwörter setzen. Dafür meldet sich eine Administratorin oder ein Administrator des Shops nur hier an; davon wird nichts auf der Kasse gespeichert.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/flows/counter.py" line="157"/>
        <source>Manage staff accounts…</source>
        <translation>Mitarbeiterkonten verwalten…</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/flows/counter.py" line="164"/>
        <source>Printer</source>
        <translation>Drucker</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/flows/counter.py" line="165"/>
        <source>Staff</source>
        <translation>Mitarbeitende</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/flows/counter.py" line="175"/>
        <source>Pick a redemption first.</source>
        <translation>Bitte zuerst eine Einlösung auswählen.</translation>
    </message>
</context>
<context>
    <name>Keypad</name>
    <message>
        <location filename="../../kiosk/ui/widgets/keypad.py" line="63"/>
        <source>Max</source>
        <translation>Max</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/widgets/keypad.py" line="64"/>
        <source>Everything available</source>
        <translation>Alles Verfügbare</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/widgets/keypad.py" line="65"/>
        <source>Delete the last digit</source>
        <translation>Letzte Ziffer löschen</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/widgets/keypad.py" line="66"/>
        <source>C</source>
        <translation>C</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/widgets/keypad.py" line="67"/>
        <source>Clear</source>
        <translation>Leeren</translation>
    </message>
</context>
<context>
    <name>LocalStaffPanel</name>
    <message>
        <location filename="../../kiosk/ui/local_staff.py" line="109"/>
        <source>This platform signs in the shop, not people: staff sign in on this till with their own PIN, and their name goes on receipts and reports. Nobody is deleted: a deactivated member keeps their name in the history.</source>
        <translation>Diese Plattform meldet den Laden an, nicht Personen: Das Personal meldet sich an dieser Kasse mit der eigenen PIN an, und sein Name steht auf Belegen und Berichten. Niemand wird gelöscht: Wer deaktiviert ist, behält seinen Namen im Verlauf.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/local_staff.py" line="112"/>
        <location filename="../../kiosk/ui/local_staff.py" line="114"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/local_staff.py" line="112"/>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/local_staff.py" line="113"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/local_staff.py" line="114"/>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/local_staff.py" line="115"/>
        <source>PIN again</source>
        <translation>PIN wiederholen</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/local_staff.py" line="117"/>
        <location filename="../../kiosk/ui/local_staff.py" line="139"/>
        <source>Manager</source>
        <translation>Filialleitung</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/local_staff.py" line="118"/>
        <source>Add</source>
        <translation>Hinzufügen</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/local_staff.py" line="119"/>
        <source>Change PIN</source>
        <translation>PIN ändern</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/local_staff.py" line="120"/>
        <source>Deactivate</source>
        <translation>Deaktivieren</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/local_staff.py" line="139"/>
        <source>Staff</source>
        <translation>Personal</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/local_staff.py" line="140"/>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/local_staff.py" line="140"/>
        <source>Deactivated</source>
        <translation>Deaktiviert</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/local_staff.py" line="169"/>
        <source>Make staff</source>
        <translation>Zu Personal machen</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/local_staff.py" line="170"/>
        <source>Make manager</source>
        <translation>Zur Filialleitung machen</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/local_staff.py" line="180"/>
        <source>%1 was added.</source>
        <translation>%1 wurde hinzugefügt.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/local_staff.py" line="190"/>
        <source>%1 has a new PIN.</source>
        <translation>%1 hat eine neue PIN.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/local_staff.py" line="198"/>
        <source>%1 is staff now.</source>
        <translation>%1 gehört jetzt zum Personal.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/local_staff.py" line="199"/>
        <source>%1 is a manager now.</source>
        <translation>%1 gehört jetzt zur Filialleitung.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/local_staff.py" line="207"/>
        <source>%1 was deactivated.</source>
        <translation>%1 wurde deaktiviert.</translation>
    </message>
</context>
<context>
    <name>LockFlow</name>
    <message numerus="yes">
        <location filename="../../kiosk/ui/flows/lock.py" line="81"/>
        <source>%n redemption(s) are still waiting to be sent. Signing out now would strand them.</source>
        <translation>
            <numerusform>%n Einlösung wartet noch auf das Senden. Jetzt abzumelden würde sie zurücklassen.</numerusform>
            <numerusform>%n Einlösungen warten noch auf das Senden. Jetzt abzumelden würde sie zurücklassen.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/flows/lock.py" line="85"/>
        <source>Work offline is on: unlock, switch it off in Settings → Connection, and wait until the queue is empty.</source>
        <translation>„Offline arbeiten“ ist an: entsperren, unter Einstellungen → Verbindung ausschalten und warten, bis die Warteschlange leer ist.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/flows/lock.py" line="89"/>
        <source>The till is offline: reconnect it to the network, then wait until the queue is empty.</source>
        <translation>Die Kasse ist offline: wieder mit dem Netz verbinden, dann warten, bis die Warteschlange leer ist.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/flows/lock.py" line="91"/>
        <source>Wait until the queue is empty (Queue → Send now).</source>
        <translation>Warten, bis die Warteschlange leer ist (Warteschlange → Jetzt senden).</translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message>
        <location filename="../../kiosk/ui/screens/lock.py" line="117"/>
        <source>Locked — %1, enter your password</source>
        <translation>Gesperrt — %1, bitte Passwort eingeben</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/lock.py" line="118"/>
        <source>Locked</source>
        <translation>Gesperrt</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/lock.py" line="120"/>
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/lock.py" line="120"/>
        <source>Password or manager PIN</source>
        <translation>Passwort oder Manager-PIN</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/lock.py" line="114"/>
        <location filename="../../kiosk/ui/screens/lock.py" line="121"/>
        <source>Unlock</source>
        <translation>Entsperren</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/lock.py" line="112"/>
        <source>Locked — choose your name and enter your PIN</source>
        <translation>Gesperrt — Namen wählen und PIN eingeben</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/lock.py" line="113"/>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/lock.py" line="115"/>
        <location filename="../../kiosk/ui/screens/lock.py" line="122"/>
        <source>Switch staff</source>
        <translation>Personal wechseln</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/lock.py" line="179"/>
        <source>That was a scan. Unlock first, then scan again.</source>
        <translation>Das war ein Scan. Erst entsperren, dann erneut scannen.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/lock.py" line="200"/>
        <source>Wrong password.</source>
        <translation>Falsches Passwort.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/lock.py" line="200"/>
        <source>Wrong password or PIN.</source>
        <translation>Falsches Passwort oder falsche PIN.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/lock.py" line="210"/>
        <source>Choose your name first.</source>
        <translation>Wählen Sie zuerst Ihren Namen.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../kiosk/ui/screens/lock.py" line="228"/>
        <source>Wrong PIN. %n more wrong PIN(s) and the till waits.</source>
        <translation>
            <numerusform>Falsche PIN. Noch %n falsche PIN, dann wartet die Kasse.</numerusform>
            <numerusform>Falsche PIN. Noch %n falsche PINs, dann wartet die Kasse.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../kiosk/ui/main_window.py" line="362"/>
        <source>Scan</source>
        <translation>Scannen</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/main_window.py" line="362"/>
        <source>Queue</source>
        <translation>Warteschlange</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/main_window.py" line="362"/>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/main_window.py" line="362"/>
        <source>Lock</source>
        <translation>Sperren</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/main_window.py" line="379"/>
        <source>Till 1</source>
        <translation>Kasse 1</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/main_window.py" line="388"/>
        <source>%1 at %2</source>
        <translation>%1 bei %2</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/main_window.py" line="675"/>
        <source>Leave kiosk mode</source>
        <translation>Kioskmodus verlassen</translation>
    </message>
</context>
<context>
    <name>ManagerScreen</name>
    <message>
        <location filename="../../kiosk/ui/screens/manager.py" line="79"/>
        <source>Manager authorisation</source>
        <translation>Freigabe durch die Leitung</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/manager.py" line="82"/>
        <source>Manager PIN</source>
        <translation>Manager-PIN</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/manager.py" line="85"/>
        <source>Your password</source>
        <translation>Ihr Passwort</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/manager.py" line="87"/>
        <source>No manager PIN yet: enter your own password. Set a manager PIN in Settings.</source>
        <translation>Noch keine Manager-PIN: Geben Sie Ihr eigenes Passwort ein. Legen Sie in den Einstellungen eine Manager-PIN fest.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/manager.py" line="89"/>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/manager.py" line="90"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/manager.py" line="126"/>
        <source>Wrong PIN.</source>
        <translation>Falsche PIN.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/manager.py" line="127"/>
        <source>Wrong password.</source>
        <translation>Falsches Passwort.</translation>
    </message>
</context>
<context>
    <name>PrinterSettingsPage</name>
    <message>
        <location filename="../../kiosk/ui/printer_settings.py" line="97"/>
        <source>Printer settings saved.</source>
        <translation>Druckereinstellungen gespeichert.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/printer_settings.py" line="103"/>
        <source>Not saved: %1</source>
        <translation>Nicht gespeichert: %1</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/printer_settings.py" line="109"/>
        <source>Printing a test page…</source>
        <translation>Testseite wird gedruckt…</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/printer_settings.py" line="114"/>
        <source>The printer answered: test page printed.</source>
        <translation>Der Drucker antwortet: Testseite gedruckt.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/printer_settings.py" line="117"/>
        <source>The printer is not answering: check that it is on, connected, and that the address is right.</source>
        <translation>Der Drucker antwortet nicht: Ist er eingeschaltet, angeschlossen und die Adresse richtig?</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/printer_settings.py" line="120"/>
        <source>The printer is out of paper.</source>
        <translation>Im Drucker ist kein Papier.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/printer_settings.py" line="127"/>
        <source>host or host:port, e.g. 192.168.1.50:9100</source>
        <translation>Host oder Host:Port, z. B. 192.168.1.50:9100</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/printer_settings.py" line="128"/>
        <source>vendor:product in hex, e.g. 04b8:0202</source>
        <translation>Hersteller:Produkt hexadezimal, z. B. 04b8:0202</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/printer_settings.py" line="129"/>
        <source>device, e.g. /dev/ttyUSB0 or COM3</source>
        <translation>Gerät, z. B. /dev/ttyUSB0 oder COM3</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/printer_settings.py" line="130"/>
        <source>device file, e.g. /dev/usb/lp0</source>
        <translation>Gerätedatei, z. B. /dev/usb/lp0</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/printer_settings.py" line="131"/>
        <source>printer name (empty: the default printer)</source>
        <translation>Druckername (leer: Standarddrucker)</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/printer_settings.py" line="145"/>
        <source>No receipt printer</source>
        <translation>Kein Belegdrucker</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/printer_settings.py" line="145"/>
        <source>Network printer (ESC/POS)</source>
        <translation>Netzwerkdrucker (ESC/POS)</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/printer_settings.py" line="146"/>
        <source>USB printer (ESC/POS)</source>
        <translation>USB-Drucker (ESC/POS)</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/printer_settings.py" line="146"/>
        <source>Serial printer (ESC/POS)</source>
        <translation>Serieller Drucker (ESC/POS)</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/printer_settings.py" line="147"/>
        <source>Printer device file (ESC/POS)</source>
        <translation>Druckergerätedatei (ESC/POS)</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/printer_settings.py" line="147"/>
        <source>System printer</source>
        <translation>Systemdrucker</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/printer_settings.py" line="152"/>
        <source>58 mm paper</source>
        <translation>58-mm-Papier</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/printer_settings.py" line="152"/>
        <source>80 mm paper</source>
        <translation>80-mm-Papier</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/printer_settings.py" line="154"/>
        <source>Printer</source>
        <translation>Drucker</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/printer_settings.py" line="154"/>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/printer_settings.py" line="154"/>
        <source>Paper</source>
        <translation>Papier</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/printer_settings.py" line="155"/>
        <source>Receipt footer</source>
        <translation>Fußzeile des Belegs</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/printer_settings.py" line="158"/>
        <source>Cut the paper after each receipt</source>
        <translation>Papier nach jedem Beleg abschneiden</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/printer_settings.py" line="159"/>
        <source>Open the cash drawer with each receipt</source>
        <translation>Kassenlade mit jedem Beleg öffnen</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/printer_settings.py" line="160"/>
        <source>Print a receipt after every redemption</source>
        <translation>Nach jeder Einlösung einen Beleg drucken</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/printer_settings.py" line="161"/>
        <source>Test print</source>
        <translation>Testdruck</translation>
    </message>
</context>
<context>
    <name>QueueFlow</name>
    <message>
        <location filename="../../kiosk/ui/flows/queue.py" line="48"/>
        <source>Retry a conflict</source>
        <translation>Einen Konflikt erneut versuchen</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/flows/queue.py" line="51"/>
        <source>Write off a conflict</source>
        <translation>Einen Konflikt abschreiben</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/flows/queue.py" line="54"/>
        <location filename="../../kiosk/ui/flows/queue.py" line="56"/>
        <source>Export the redemptions</source>
        <translation>Die Einlösungen exportieren</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/flows/queue.py" line="73"/>
        <source>Work offline is on: nothing is sent. Switch it off in Settings → Connection to send the queue.</source>
        <translation>„Offline arbeiten“ ist an: nichts wird gesendet. Unter Einstellungen → Verbindung ausschalten, um die Warteschlange zu senden.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/flows/queue.py" line="76"/>
        <source>Sending…</source>
        <translation>Wird gesendet…</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/flows/queue.py" line="91"/>
        <source>Conflict resolved.</source>
        <translation>Konflikt gelöst.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../kiosk/ui/flows/queue.py" line="97"/>
        <source>%n redemption(s) exported to %1.</source>
        <translation>
            <numerusform>%n Einlösung nach %1 exportiert.</numerusform>
            <numerusform>%n Einlösungen nach %1 exportiert.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>QueueScreen</name>
    <message>
        <location filename="../../kiosk/ui/screens/queue.py" line="137"/>
        <source>Queue and conflicts</source>
        <translation>Warteschlange und Konflikte</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/queue.py" line="138"/>
        <source>Waiting</source>
        <translation>Wartend</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/queue.py" line="138"/>
        <source>Conflicts</source>
        <translation>Konflikte</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/queue.py" line="139"/>
        <source>Done</source>
        <translation>Erledigt</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/queue.py" line="139"/>
        <source>All</source>
        <translation>Alle</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/queue.py" line="142"/>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/queue.py" line="142"/>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/queue.py" line="142"/>
        <source>Amount</source>
        <translation>Betrag</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/queue.py" line="142"/>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/queue.py" line="143"/>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/queue.py" line="144"/>
        <source>Send now</source>
        <translation>Jetzt senden</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/queue.py" line="145"/>
        <source>Export CSV…</source>
        <translation>CSV exportieren…</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/queue.py" line="203"/>
        <source>Retried with %1 (the voucher&apos;s remaining balance).</source>
        <translation>Erneut versucht mit %1 (dem Restwert des Gutscheins).</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/queue.py" line="206"/>
        <source>%1 not collected.</source>
        <translation>%1 nicht kassiert.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/queue.py" line="209"/>
        <source>Written off: %1</source>
        <translation>Abgeschrieben: %1</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/queue.py" line="210"/>
        <source>Written off.</source>
        <translation>Abgeschrieben.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/queue.py" line="212"/>
        <source>Undone by a manager: not counted.</source>
        <translation>Von einer Leitung rückgängig gemacht: nicht gezählt.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/queue.py" line="214"/>
        <source>Undo not confirmed by the server yet: undo again to finish it.</source>
        <translation>Rücknahme vom Server noch nicht bestätigt: erneut rückgängig machen, um sie abzuschließen.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/queue.py" line="216"/>
        <source>Sent (redeemed offline, confirmed later).</source>
        <translation>Gesendet (offline eingelöst, später bestätigt).</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/queue.py" line="223"/>
        <source>Not sent yet: the server could not be reached. It is retried automatically.</source>
        <translation>Noch nicht gesendet: der Server war nicht erreichbar. Es wird automatisch erneut versucht.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/queue.py" line="250"/>
        <source>Nothing waiting: every redemption has reached the server.</source>
        <translation>Nichts wartet: Jede Einlösung hat den Server erreicht.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/queue.py" line="251"/>
        <source>No conflicts: nothing the server refused.</source>
        <translation>Keine Konflikte: Der Server hat nichts abgelehnt.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/queue.py" line="252"/>
        <source>Nothing sent yet.</source>
        <translation>Noch nichts gesendet.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/queue.py" line="253"/>
        <source>No redemptions yet.</source>
        <translation>Noch keine Einlösungen.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/queue.py" line="293"/>
        <source>Retry: take what is left, up to %1</source>
        <translation>Erneut: den Rest nehmen, höchstens %1</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/queue.py" line="296"/>
        <source>Retry with remaining balance</source>
        <translation>Mit Restguthaben erneut versuchen</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/queue.py" line="147"/>
        <source>Write off</source>
        <translation>Abschreiben</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/queue.py" line="148"/>
        <source>Note for the write-off (required)</source>
        <translation>Notiz zur Abschreibung (Pflicht)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../kiosk/ui/screens/queue.py" line="179"/>
        <location filename="../../kiosk/ui/screens/queue.py" line="189"/>
        <source>%n use(s)</source>
        <translation>
            <numerusform>%n Nutzung</numerusform>
            <numerusform>%n Nutzungen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../kiosk/ui/screens/queue.py" line="181"/>
        <source>This shift: %n redemption(s)</source>
        <translation>
            <numerusform>Diese Schicht: %n Einlösung</numerusform>
            <numerusform>Diese Schicht: %n Einlösungen</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/queue.py" line="183"/>
        <source>online %1, offline %2</source>
        <translation>online %1, offline %2</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/queue.py" line="234"/>
        <source>offline</source>
        <translation>offline</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/queue.py" line="314"/>
        <source>Export redemptions</source>
        <translation>Einlösungen exportieren</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/queue.py" line="315"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
</context>
<context>
    <name>ReceiptPanel</name>
    <message>
        <location filename="../../kiosk/ui/receipts.py" line="133"/>
        <source>Printing…</source>
        <translation>Druckt…</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/receipts.py" line="146"/>
        <source>Printer out of paper</source>
        <translation>Kein Papier im Drucker</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/receipts.py" line="147"/>
        <source>No receipt printer set up</source>
        <translation>Kein Belegdrucker eingerichtet</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/receipts.py" line="148"/>
        <source>Printer not answering</source>
        <translation>Drucker antwortet nicht</translation>
    </message>
    <message numerus="yes">
        <location filename="../../kiosk/ui/receipts.py" line="150"/>
        <source>%1 — %n receipt(s) kept, tap to retry</source>
        <translation>
            <numerusform>%1 — %n Beleg aufbewahrt, zum Wiederholen tippen</numerusform>
            <numerusform>%1 — %n Belege aufbewahrt, zum Wiederholen tippen</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/receipts.py" line="156"/>
        <source>Print receipt</source>
        <translation>Beleg drucken</translation>
    </message>
</context>
<context>
    <name>Receipts</name>
    <message>
        <location filename="../../kiosk/ui/receipts.py" line="163"/>
        <source>Printed.</source>
        <translation>Gedruckt.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/receipts.py" line="165"/>
        <source>Printer not answering — receipt kept, tap to retry</source>
        <translation>Drucker antwortet nicht — Beleg aufbewahrt, zum Wiederholen tippen</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/receipts.py" line="167"/>
        <source>Printer out of paper — receipt kept, tap to retry</source>
        <translation>Kein Papier im Drucker — Beleg aufbewahrt, zum Wiederholen tippen</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/receipts.py" line="169"/>
        <source>No receipt printer is set up (Settings → Printer).</source>
        <translation>Kein Belegdrucker eingerichtet (Einstellungen → Drucker).</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/receipts.py" line="171"/>
        <source>There is no redemption to print yet.</source>
        <translation>Es gibt noch keine Einlösung zum Drucken.</translation>
    </message>
</context>
<context>
    <name>RedeemScreen</name>
    <message>
        <location filename="../../kiosk/ui/screens/redeem.py" line="178"/>
        <source>Sending…</source>
        <translation>Wird gesendet…</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/redeem.py" line="187"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/redeem.py" line="188"/>
        <source>Next</source>
        <translation>Weiter</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/redeem.py" line="189"/>
        <source>Change amount</source>
        <translation>Betrag ändern</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/redeem.py" line="190"/>
        <source>Yes, redeem</source>
        <translation>Ja, einlösen</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/redeem.py" line="193"/>
        <source>Redeem part</source>
        <translation>Teil einlösen</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/redeem.py" line="196"/>
        <source>Order total for %1</source>
        <translation>Bestellsumme für %1</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/redeem.py" line="198"/>
        <source>Change order total</source>
        <translation>Bestellsumme ändern</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/redeem.py" line="199"/>
        <source>Yes, apply</source>
        <translation>Ja, anwenden</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/redeem.py" line="205"/>
        <source>Amount to redeem from %1</source>
        <translation>Betrag, der von %1 eingelöst wird</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/redeem.py" line="207"/>
        <source>Uses to redeem from %1</source>
        <translation>Nutzungen, die von %1 eingelöst werden</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/redeem.py" line="209"/>
        <source>Available: %1</source>
        <translation>Verfügbar: %1</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/redeem.py" line="248"/>
        <source>Enter an amount.</source>
        <translation>Bitte einen Betrag eingeben.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/redeem.py" line="251"/>
        <source>Enter an amount greater than zero.</source>
        <translation>Bitte einen Betrag größer als null eingeben.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/redeem.py" line="258"/>
        <source>This voucher needs an order of at least %1.</source>
        <translation>Dieser Gutschein gilt ab einer Bestellung von %1.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/redeem.py" line="260"/>
        <source>This voucher needs an order over %1.</source>
        <translation>Dieser Gutschein gilt für Bestellungen über %1.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/redeem.py" line="265"/>
        <source>Too much: only %1 can be redeemed.</source>
        <translation>Zu viel: höchstens %1 sind einlösbar.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/redeem.py" line="290"/>
        <source>%1: −%2, customer pays %3</source>
        <translation>%1: −%2, Kunde zahlt %3</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/redeem.py" line="297"/>
        <source>This platform has no redeem step: the till counts the use itself. If another till or the web shop uses this code at the same moment, one use may go uncounted.</source>
        <translation>Diese Plattform kennt keinen Einlöseschritt: Die Kasse zählt die Nutzung selbst. Nutzt eine andere Kasse oder der Webshop diesen Code im selben Moment, kann eine Nutzung ungezählt bleiben.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/redeem.py" line="302"/>
        <source>Redeem %1?</source>
        <translation>%1 einlösen?</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/redeem.py" line="304"/>
        <source>%1 will be left.</source>
        <translation>Danach bleiben %1.</translation>
    </message>
</context>
<context>
    <name>ResultScreen</name>
    <message>
        <location filename="../../kiosk/ui/screens/result.py" line="140"/>
        <source>Already redeemed %1</source>
        <translation>Bereits eingelöst: %1</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/result.py" line="141"/>
        <source>A redemption of %1 at %2 did go through. Nothing more was taken.</source>
        <translation>Eine Einlösung über %1 um %2 ist durchgegangen. Mehr wurde nicht abgebucht.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/result.py" line="145"/>
        <source>Not confirmed yet</source>
        <translation>Noch nicht bestätigt</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/result.py" line="146"/>
        <source>A redemption of %1 at %2 is saved and will be checked. Nothing more was taken.</source>
        <translation>Eine Einlösung über %1 um %2 ist gespeichert und wird geprüft. Mehr wurde nicht abgebucht.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../kiosk/ui/screens/result.py" line="120"/>
        <source>Back to scanning in %n second(s)…</source>
        <translation>
            <numerusform>Zurück zum Scannen in %n Sekunde…</numerusform>
            <numerusform>Zurück zum Scannen in %n Sekunden…</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/result.py" line="125"/>
        <source>Scan next</source>
        <translation>Nächster Scan</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/result.py" line="130"/>
        <location filename="../../kiosk/ui/screens/result.py" line="161"/>
        <source>Not redeemed</source>
        <translation>Nicht eingelöst</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/result.py" line="151"/>
        <source>%1 applied</source>
        <translation>%1 angewendet</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/result.py" line="154"/>
        <source>Redeemed %1</source>
        <translation>%1 eingelöst</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/result.py" line="167"/>
        <source>Customer pays %1</source>
        <translation>Kunde zahlt %1</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/result.py" line="152"/>
        <location filename="../../kiosk/ui/screens/result.py" line="155"/>
        <source>Confirmed by the server.</source>
        <translation>Vom Server bestätigt.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/result.py" line="158"/>
        <source>Saved — will be sent when back online</source>
        <translation>Gespeichert — wird gesendet, sobald wieder online</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/result.py" line="159"/>
        <source>%1 redeemed offline.</source>
        <translation>%1 offline eingelöst.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/result.py" line="159"/>
        <source>OFFLINE</source>
        <translation>OFFLINE</translation>
    </message>
</context>
<context>
    <name>ScanFlow</name>
    <message>
        <location filename="../../kiosk/ui/flows/scan.py" line="116"/>
        <source>That is not a voucher code: %1</source>
        <translation>Das ist kein Gutscheincode: %1</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/flows/scan.py" line="123"/>
        <source>Scan of %1 ignored: a redemption is being sent. Scan again after the result.</source>
        <translation>Scan von %1 ignoriert: eine Einlösung wird gerade gesendet. Nach dem Ergebnis erneut scannen.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/flows/scan.py" line="259"/>
        <source>Redeemed %1</source>
        <translation>%1 eingelöst</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/flows/scan.py" line="259"/>
        <source>Redeemed</source>
        <translation>Eingelöst</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/flows/scan.py" line="260"/>
        <source>Saved offline %1</source>
        <translation>%1 offline gespeichert</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/flows/scan.py" line="260"/>
        <source>Saved offline</source>
        <translation>Offline gespeichert</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/flows/scan.py" line="261"/>
        <source>Not redeemed</source>
        <translation>Nicht eingelöst</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/flows/scan.py" line="262"/>
        <source>Written off</source>
        <translation>Abgeschrieben</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/flows/scan.py" line="269"/>
        <source>Undo asked %1</source>
        <translation>Rücknahme angefragt %1</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/flows/scan.py" line="270"/>
        <source>Undone %1</source>
        <translation>Zurückgenommen %1</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/flows/scan.py" line="271"/>
        <source>Cancelled %1</source>
        <translation>Storniert %1</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/flows/scan.py" line="272"/>
        <source>Undo not confirmed %1</source>
        <translation>Rücknahme unbestätigt %1</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/flows/scan.py" line="273"/>
        <source>Not undone %1</source>
        <translation>Nicht zurückgenommen %1</translation>
    </message>
</context>
<context>
    <name>ScanScreen</name>
    <message>
        <location filename="../../kiosk/ui/screens/scan.py" line="115"/>
        <source>Scan a voucher or type its code</source>
        <translation>Gutschein scannen oder Code eingeben</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/scan.py" line="116"/>
        <source>Voucher code</source>
        <translation>Gutscheincode</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/scan.py" line="117"/>
        <source>Check</source>
        <translation>Prüfen</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/scan.py" line="118"/>
        <source>Clear the code</source>
        <translation>Code löschen</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/scan.py" line="119"/>
        <source>Recent scans</source>
        <translation>Letzte Scans</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/scan.py" line="121"/>
        <source>No scans yet. Scan a voucher, or type its code above and tap Check: each one shows here with what happened.</source>
        <translation>Noch nichts gescannt. Gutschein scannen oder oben den Code eingeben und „Prüfen“ tippen: Jeder Scan erscheint hier mit dem Ergebnis.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/scan.py" line="123"/>
        <source>Camera settings</source>
        <translation>Kamera-Einstellungen</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/scan.py" line="143"/>
        <source>Checking %1…</source>
        <translation>Prüfe %1…</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/scan.py" line="176"/>
        <source>Starting the camera…</source>
        <translation>Kamera startet…</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/scan.py" line="178"/>
        <source>The camera is not working. Use the barcode scanner or type the code.</source>
        <translation>Die Kamera funktioniert nicht. Bitte Barcode-Scanner nutzen oder Code eingeben.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/scan.py" line="180"/>
        <source>No camera. Use the barcode scanner or type the code.</source>
        <translation>Keine Kamera. Bitte Barcode-Scanner nutzen oder Code eingeben.</translation>
    </message>
</context>
<context>
    <name>SettingsFlow</name>
    <message>
        <location filename="../../kiosk/ui/flows/settings.py" line="47"/>
        <source>Open the settings</source>
        <translation>Die Einstellungen öffnen</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/flows/settings.py" line="53"/>
        <source>%1 on %2, shop %3, at %4</source>
        <translation>%1 auf %2, Shop %3, bei %4</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/flows/settings.py" line="57"/>
        <source>%1 (%2) on %3 at %4</source>
        <translation>%1 (%2) bei %3 auf %4</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/flows/settings.py" line="97"/>
        <source>Saved. The manager PIN is set.</source>
        <translation>Gespeichert. Die Manager-PIN ist gesetzt.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/flows/settings.py" line="97"/>
        <source>Saved.</source>
        <translation>Gespeichert.</translation>
    </message>
</context>
<context>
    <name>SettingsScreen</name>
    <message>
        <location filename="../../kiosk/ui/screens/settings.py" line="208"/>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/settings.py" line="210"/>
        <source>Kiosk name</source>
        <translation>Kassenname</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/settings.py" line="210"/>
        <source>Camera</source>
        <translation>Kamera</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/settings.py" line="212"/>
        <location filename="../../kiosk/ui/screens/settings.py" line="235"/>
        <source>Preview</source>
        <translation>Vorschau</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/settings.py" line="212"/>
        <source>New manager PIN (twice)</source>
        <translation>Neue Manager-PIN (zweimal)</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/settings.py" line="213"/>
        <location filename="../../kiosk/ui/screens/settings.py" line="225"/>
        <source>Connection</source>
        <translation>Verbindung</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/settings.py" line="214"/>
        <source>Barcode decoder</source>
        <translation>Barcode-Decoder</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/settings.py" line="214"/>
        <source>Sounds</source>
        <translation>Töne</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/settings.py" line="215"/>
        <source>Volume</source>
        <translation>Lautstärke</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/settings.py" line="215"/>
        <source>Lock after idle minutes (0 = never)</source>
        <translation>Sperren nach Minuten ohne Eingabe (0 = nie)</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/settings.py" line="216"/>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/settings.py" line="226"/>
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/settings.py" line="220"/>
        <source>Kiosk mode</source>
        <translation>Kioskmodus</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/settings.py" line="211"/>
        <source>Shop name (screen and receipts)</source>
        <translation>Name des Shops (Bildschirm und Belege)</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/settings.py" line="217"/>
        <source>Trust checks from the last hours</source>
        <translation>Prüfungen der letzten Stunden vertrauen</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/settings.py" line="218"/>
        <source>Most per voucher (amount or uses, 0 = no limit)</source>
        <translation>Höchstens pro Gutschein (Betrag oder Nutzungen, 0 = ohne Grenze)</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/settings.py" line="219"/>
        <source>Most per shift (amount or uses, 0 = no limit)</source>
        <translation>Höchstens pro Schicht (Betrag oder Nutzungen, 0 = ohne Grenze)</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/settings.py" line="220"/>
        <source>Never-checked vouchers</source>
        <translation>Noch nie geprüfte Gutscheine</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/settings.py" line="221"/>
        <source>Server and account</source>
        <translation>Server und Konto</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/settings.py" line="222"/>
        <source>Scanner speed</source>
        <translation>Scanner-Tempo</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/settings.py" line="223"/>
        <source>Test your scanner</source>
        <translation>Scanner testen</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/settings.py" line="225"/>
        <source>Till</source>
        <translation>Kasse</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/settings.py" line="226"/>
        <source>Scanner and camera</source>
        <translation>Scanner und Kamera</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/settings.py" line="228"/>
        <source>Fast (USB)</source>
        <translation>Schnell (USB)</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/settings.py" line="228"/>
        <source>Normal</source>
        <translation>Normal</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/settings.py" line="229"/>
        <source>Slow (Bluetooth, cheap scanners)</source>
        <translation>Langsam (Bluetooth, einfache Scanner)</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/settings.py" line="231"/>
        <source>Scan any barcode here</source>
        <translation>Hier einen beliebigen Barcode scannen</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/settings.py" line="240"/>
        <source>Empty: the shop&apos;s name on the server</source>
        <translation>Leer: der Name des Shops auf dem Server</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/settings.py" line="246"/>
        <source>No manager PIN for the whole till: manager actions take a manager&apos;s own PIN. One set here works too.</source>
        <translation>Keine Manager-PIN für die ganze Kasse: Leitungsaktionen nehmen die eigene PIN einer Leitungsperson. Eine hier gesetzte geht auch.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/settings.py" line="255"/>
        <source>Accept vouchers this till has never checked, while offline</source>
        <translation>Offline auch Gutscheine annehmen, die diese Kasse noch nie geprüft hat</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/settings.py" line="315"/>
        <source>Read %1 — slowest gap between keys %2 ms.</source>
        <translation>Gelesen: %1 — längste Pause zwischen Tasten %2 ms.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/settings.py" line="349"/>
        <source>The manager PIN must be at least 4 digits.</source>
        <translation>Die Manager-PIN muss mindestens 4 Ziffern haben.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/settings.py" line="352"/>
        <source>The two PINs are not the same.</source>
        <translation>Die beiden PINs stimmen nicht überein.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/settings.py" line="361"/>
        <source>That arrived as typing, not as a scan: choose a slower scanner speed, save, and test again.</source>
        <translation>Das kam als Tippen an, nicht als Scan: ein langsameres Scanner-Tempo wählen, speichern und erneut testen.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/settings.py" line="405"/>
        <source>Tap Preview to test the camera and decoder.</source>
        <translation>Tippen Sie auf Vorschau, um Kamera und Decoder zu testen.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/settings.py" line="406"/>
        <source>Starting the camera…</source>
        <translation>Kamera wird gestartet…</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/settings.py" line="407"/>
        <source>Camera working. Hold a voucher code in front of it.</source>
        <translation>Kamera läuft. Halten Sie einen Gutscheincode davor.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/settings.py" line="408"/>
        <source>No camera found at this address.</source>
        <translation>Unter dieser Adresse wurde keine Kamera gefunden.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/settings.py" line="409"/>
        <source>The camera stopped; trying again…</source>
        <translation>Die Kamera ist ausgefallen; neuer Versuch…</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/settings.py" line="410"/>
        <source>The camera stopped.</source>
        <translation>Die Kamera wurde angehalten.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/settings.py" line="414"/>
        <source>Read: %1</source>
        <translation>Gelesen: %1</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/settings.py" line="234"/>
        <source>Find cameras</source>
        <translation>Kameras suchen</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/settings.py" line="236"/>
        <source>Combined (best)</source>
        <translation>Kombiniert (beste Wahl)</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/settings.py" line="236"/>
        <source>zxing-cpp</source>
        <translation>zxing-cpp</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/settings.py" line="237"/>
        <source>ZBar</source>
        <translation>ZBar</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/settings.py" line="239"/>
        <source>Work offline (send nothing until switched off)</source>
        <translation>Offline arbeiten (nichts senden, bis ausgeschaltet)</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/settings.py" line="241"/>
        <source>New PIN (4+ digits)</source>
        <translation>Neue PIN (ab 4 Ziffern)</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/settings.py" line="242"/>
        <source>Repeat the PIN</source>
        <translation>PIN wiederholen</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/settings.py" line="244"/>
        <source>A manager PIN is set. Type a new one to change it.</source>
        <translation>Eine Manager-PIN ist gesetzt. Geben Sie eine neue ein, um sie zu ändern.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/settings.py" line="249"/>
        <source>No manager PIN yet: manager actions ask for the signed-in password. Set a manager PIN here.</source>
        <translation>Noch keine Manager-PIN: Leitungsaktionen verlangen das Passwort der angemeldeten Person. Legen Sie hier eine Manager-PIN fest.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/settings.py" line="253"/>
        <source>Beep on every result</source>
        <translation>Ton bei jedem Ergebnis</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/settings.py" line="256"/>
        <source>Start full screen</source>
        <translation>Im Vollbild starten</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/settings.py" line="257"/>
        <source>System language</source>
        <translation>Systemsprache</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/settings.py" line="261"/>
        <source>Switch staff</source>
        <translation>Personal wechseln</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/settings.py" line="262"/>
        <source>Sign out</source>
        <translation>Abmelden</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/settings.py" line="263"/>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
</context>
<context>
    <name>ShiftReportScreen</name>
    <message>
        <location filename="../../kiosk/ui/shift_report.py" line="47"/>
        <source>Save the report as PDF</source>
        <translation>Bericht als PDF speichern</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/shift_report.py" line="124"/>
        <source>Checking this shift with the server…</source>
        <translation>Diese Schicht wird mit dem Server abgeglichen…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../kiosk/ui/shift_report.py" line="136"/>
        <source>%n redemption(s) of this till do not match the server: see MISMATCH below.</source>
        <translation>
            <numerusform>%n Einlösung dieser Kasse stimmt nicht mit dem Server überein: siehe MISMATCH unten.</numerusform>
            <numerusform>%n Einlösungen dieser Kasse stimmen nicht mit dem Server überein: siehe MISMATCH unten.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../kiosk/ui/shift_report.py" line="141"/>
        <source>%n voucher(s) could not be checked with the server (offline): the figures below are this till&apos;s own.</source>
        <translation>
            <numerusform>%n Gutschein konnte nicht mit dem Server abgeglichen werden (offline): die Zahlen unten sind die dieser Kasse.</numerusform>
            <numerusform>%n Gutscheine konnten nicht mit dem Server abgeglichen werden (offline): die Zahlen unten sind die dieser Kasse.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/shift_report.py" line="146"/>
        <source>This voucher platform keeps no redemption history: the server check is not available.</source>
        <translation>Diese Gutscheinplattform führt keinen Einlöseverlauf: der Abgleich mit dem Server ist nicht möglich.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/shift_report.py" line="150"/>
        <source>The server&apos;s records match this till&apos;s.</source>
        <translation>Die Daten des Servers stimmen mit denen dieser Kasse überein.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/shift_report.py" line="157"/>
        <source>The report could not be built: %1</source>
        <translation>Der Bericht konnte nicht erstellt werden: %1</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/shift_report.py" line="171"/>
        <source>Summary printed.</source>
        <translation>Zusammenfassung gedruckt.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/shift_report.py" line="176"/>
        <source>Not printed: %1</source>
        <translation>Nicht gedruckt: %1</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/shift_report.py" line="193"/>
        <source>The PDF was not saved: %1</source>
        <translation>Das PDF wurde nicht gespeichert: %1</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/shift_report.py" line="195"/>
        <source>Saved as %1</source>
        <translation>Gespeichert als %1</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/shift_report.py" line="203"/>
        <source>Tap again to close the shift</source>
        <translation>Zum Abschließen der Schicht erneut tippen</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/shift_report.py" line="218"/>
        <source>End of shift (Z report)</source>
        <translation>Schichtabschluss (Z-Bericht)</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/shift_report.py" line="219"/>
        <source>Check again</source>
        <translation>Erneut prüfen</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/shift_report.py" line="220"/>
        <source>Print summary</source>
        <translation>Zusammenfassung drucken</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/shift_report.py" line="221"/>
        <source>Save PDF</source>
        <translation>PDF speichern</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/shift_report.py" line="223"/>
        <source>Close shift</source>
        <translation>Schicht abschließen</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/shift_report.py" line="224"/>
        <source>Back</source>
        <translation>Zurück</translation>
    </message>
</context>
<context>
    <name>ShiftText</name>
    <message>
        <location filename="../../kiosk/app/shift_text.py" line="63"/>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message numerus="yes">
        <location filename="../../kiosk/app/shift_text.py" line="67"/>
        <source>%1 (%n redemption(s))</source>
        <translation>
            <numerusform>%1 (%n Einlösung)</numerusform>
            <numerusform>%1 (%n Einlösungen)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../kiosk/app/shift_text.py" line="72"/>
        <source>Online:</source>
        <translation>Online:</translation>
    </message>
    <message>
        <location filename="../../kiosk/app/shift_text.py" line="72"/>
        <source>Offline:</source>
        <translation>Offline:</translation>
    </message>
    <message>
        <location filename="../../kiosk/app/shift_text.py" line="73"/>
        <source>Total:</source>
        <translation>Gesamt:</translation>
    </message>
    <message>
        <location filename="../../kiosk/app/shift_text.py" line="74"/>
        <source>Still queued:</source>
        <translation>Noch offen:</translation>
    </message>
    <message>
        <location filename="../../kiosk/app/shift_text.py" line="74"/>
        <source>%1 — not yet confirmed</source>
        <translation>%1 — noch nicht bestätigt</translation>
    </message>
    <message>
        <location filename="../../kiosk/app/shift_text.py" line="76"/>
        <source>Conflicts:</source>
        <translation>Konflikte:</translation>
    </message>
    <message>
        <location filename="../../kiosk/app/shift_text.py" line="76"/>
        <source>%1   Written off: %2</source>
        <translation>%1   Abgeschrieben: %2</translation>
    </message>
    <message>
        <location filename="../../kiosk/app/shift_text.py" line="80"/>
        <source>Undone:</source>
        <translation>Zurückgenommen:</translation>
    </message>
    <message>
        <location filename="../../kiosk/app/shift_text.py" line="80"/>
        <source>%1 — taken back, not counted</source>
        <translation>%1 — zurückgenommen, nicht gezählt</translation>
    </message>
    <message>
        <location filename="../../kiosk/app/shift_text.py" line="85"/>
        <source>Till 1</source>
        <translation>Kasse 1</translation>
    </message>
    <message>
        <location filename="../../kiosk/app/shift_text.py" line="86"/>
        <source>End-of-shift report (Z)</source>
        <translation>Schichtabschluss (Z-Bericht)</translation>
    </message>
    <message>
        <location filename="../../kiosk/app/shift_text.py" line="87"/>
        <source>From %1 to %2</source>
        <translation>Von %1 bis %2</translation>
    </message>
    <message>
        <location filename="../../kiosk/app/shift_text.py" line="91"/>
        <source>Undo unconfirmed: %1 — counted as taken until the server confirms it (the till asks again at the next sync)</source>
        <translation>Rücknahme unbestätigt: %1 — zählt als eingelöst, bis der Server sie bestätigt (die Kasse fragt beim nächsten Abgleich erneut)</translation>
    </message>
    <message>
        <location filename="../../kiosk/app/shift_text.py" line="94"/>
        <source>Per staff member:</source>
        <translation>Pro Person:</translation>
    </message>
    <message>
        <location filename="../../kiosk/app/shift_text.py" line="96"/>
        <source>%1: online %2, offline %3</source>
        <translation>%1: online %2, offline %3</translation>
    </message>
    <message>
        <location filename="../../kiosk/app/shift_text.py" line="98"/>
        <source>Server check:</source>
        <translation>Abgleich mit dem Server:</translation>
    </message>
    <message>
        <location filename="../../kiosk/app/shift_text.py" line="101"/>
        <source>Conflict %1 %2 %3: %4</source>
        <translation>Konflikt %1 %2 %3: %4</translation>
    </message>
    <message>
        <location filename="../../kiosk/app/shift_text.py" line="104"/>
        <source>Written off %1 %2 %3: %4</source>
        <translation>Abgeschrieben %1 %2 %3: %4</translation>
    </message>
    <message>
        <location filename="../../kiosk/app/shift_text.py" line="115"/>
        <source>MISMATCH: ours, not on the server</source>
        <translation>MISMATCH: bei uns, nicht auf dem Server</translation>
    </message>
    <message>
        <location filename="../../kiosk/app/shift_text.py" line="116"/>
        <source>MISMATCH: different amount on the server</source>
        <translation>MISMATCH: anderer Betrag auf dem Server</translation>
    </message>
    <message>
        <location filename="../../kiosk/app/shift_text.py" line="117"/>
        <source>redeemed elsewhere (another till or the web shop)</source>
        <translation>anderswo eingelöst (andere Kasse oder Webshop)</translation>
    </message>
    <message>
        <location filename="../../kiosk/app/shift_text.py" line="125"/>
        <source>Not checked: work offline is switched on</source>
        <translation>Nicht geprüft: Offline-Arbeit ist eingeschaltet</translation>
    </message>
    <message>
        <location filename="../../kiosk/app/shift_text.py" line="126"/>
        <source>Not checked: the server could not be reached</source>
        <translation>Nicht geprüft: Der Server war nicht erreichbar</translation>
    </message>
    <message>
        <location filename="../../kiosk/app/shift_text.py" line="127"/>
        <source>Not checked: the till is signed out</source>
        <translation>Nicht geprüft: Die Kasse ist abgemeldet</translation>
    </message>
    <message>
        <location filename="../../kiosk/app/shift_text.py" line="134"/>
        <source>This voucher platform keeps no redemption history: not checked.</source>
        <translation>Diese Gutschein-Plattform führt keinen Einlöseverlauf: nicht geprüft.</translation>
    </message>
    <message>
        <location filename="../../kiosk/app/shift_text.py" line="137"/>
        <source>%1 voucher(s) checked, %2 mismatch(es), %3 redeemed elsewhere</source>
        <translation>%1 Gutschein(e) geprüft, %2 Abweichung(en), %3 anderswo eingelöst</translation>
    </message>
    <message>
        <location filename="../../kiosk/app/shift_text.py" line="140"/>
        <source>%1: %2 voucher(s) — </source>
        <translation>%1: %2 Gutschein(e) — </translation>
    </message>
    <message>
        <location filename="../../kiosk/app/shift_text.py" line="143"/>
        <source>The server&apos;s records match this till&apos;s.</source>
        <translation>Die Daten des Servers stimmen mit denen dieser Kasse überein.</translation>
    </message>
    <message>
        <location filename="../../kiosk/app/shift_text.py" line="147"/>
        <source>ours %1</source>
        <translation>bei uns %1</translation>
    </message>
    <message>
        <location filename="../../kiosk/app/shift_text.py" line="149"/>
        <source>server %1</source>
        <translation>Server %1</translation>
    </message>
</context>
<context>
    <name>SignInScreen</name>
    <message>
        <location filename="../../kiosk/ui/screens/signin.py" line="123"/>
        <source>Sign in to this till</source>
        <translation>An dieser Kasse anmelden</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/signin.py" line="131"/>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/signin.py" line="126"/>
        <source>Staff email</source>
        <translation>E-Mail (Personal)</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/signin.py" line="126"/>
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/signin.py" line="127"/>
        <location filename="../../kiosk/ui/screens/signin.py" line="128"/>
        <location filename="../../kiosk/ui/screens/signin.py" line="129"/>
        <source>API key</source>
        <translation>API-Schlüssel</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/signin.py" line="128"/>
        <source>Merchant id</source>
        <translation>Händler-ID</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/signin.py" line="129"/>
        <source>API secret</source>
        <translation>API-Secret</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/signin.py" line="131"/>
        <source>Shop</source>
        <translation>Shop</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/signin.py" line="131"/>
        <source>Kiosk name</source>
        <translation>Kassenname</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/signin.py" line="132"/>
        <source>Platform</source>
        <translation>Plattform</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/signin.py" line="132"/>
        <source>Your name</source>
        <translation>Ihr Name</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/signin.py" line="141"/>
        <source>Demo shop</source>
        <translation>Demo-Shop</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/signin.py" line="143"/>
        <source>name@shop.example</source>
        <translation>name@shop.example</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/signin.py" line="144"/>
        <source>who works this till</source>
        <translation>wer an dieser Kasse arbeitet</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/signin.py" line="145"/>
        <source>Find my shops</source>
        <translation>Meine Shops finden</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/signin.py" line="146"/>
        <source>e.g. Front till</source>
        <translation>z. B. Kasse vorne</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/signin.py" line="147"/>
        <source>Sign in</source>
        <translation>Anmelden</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/signin.py" line="203"/>
        <source>Enter the server and your email first.</source>
        <translation>Bitte zuerst Server und E-Mail eingeben.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/signin.py" line="217"/>
        <source>No shops found for this email.</source>
        <translation>Keine Shops für diese E-Mail gefunden.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/signin.py" line="230"/>
        <source>Fill in the server, email, password and shop.</source>
        <translation>Bitte Server, E-Mail, Passwort und Shop ausfüllen.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/signin.py" line="257"/>
        <source>Fill in every field.</source>
        <translation>Bitte alle Felder ausfüllen.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/signin.py" line="272"/>
        <source>The server refused the shop&apos;s credentials: check them and the platform.</source>
        <translation>Der Server hat die Zugangsdaten des Shops abgelehnt: Bitte sie und die Plattform prüfen.</translation>
    </message>
</context>
<context>
    <name>StaffScreen</name>
    <message>
        <location filename="../../kiosk/ui/staff.py" line="43"/>
        <source>Something went wrong: %1</source>
        <translation>Etwas ist schiefgegangen: %1</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/staff.py" line="145"/>
        <source>Asking the server…</source>
        <translation>Server wird gefragt…</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/staff.py" line="179"/>
        <source>Signed in as an administrator for this screen only.</source>
        <translation>Nur für diese Ansicht als Administrator angemeldet.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/staff.py" line="193"/>
        <location filename="../../kiosk/ui/staff.py" line="327"/>
        <source>Administrator</source>
        <translation>Administrator</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/staff.py" line="193"/>
        <source>Staff</source>
        <translation>Mitarbeitende</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/staff.py" line="194"/>
        <location filename="../../kiosk/ui/staff.py" line="328"/>
        <source>Redeem only</source>
        <translation>Nur einlösen</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/staff.py" line="227"/>
        <source>%1 can now sign in on this shop.</source>
        <translation>%1 kann sich jetzt in diesem Shop anmelden.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/staff.py" line="245"/>
        <source>Changes saved.</source>
        <translation>Änderungen gespeichert.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/staff.py" line="255"/>
        <source>Tap again to remove %1</source>
        <translation>Zum Entfernen von %1 erneut tippen</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/staff.py" line="265"/>
        <source>%1 can no longer sign in on this shop (other shops are unchanged).</source>
        <translation>%1 kann sich nicht mehr in diesem Shop anmelden (andere Shops bleiben unverändert).</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/staff.py" line="282"/>
        <source>New password set for %1.</source>
        <translation>Neues Passwort für %1 gesetzt.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/staff.py" line="310"/>
        <source>Staff accounts — %1</source>
        <translation>Mitarbeiterkonten — %1</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/staff.py" line="313"/>
        <source>An administrator of this shop signs in here. This sign-in is used for this screen only and is not saved on the till.</source>
        <translation>Hier meldet sich eine Administratorin oder ein Administrator dieses Shops an. Die Anmeldung gilt nur für diese Ansicht und wird nicht auf der Kasse gespeichert.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/staff.py" line="315"/>
        <source>Administrator e-mail</source>
        <translation>E-Mail der Administration</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/staff.py" line="316"/>
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/staff.py" line="318"/>
        <source>Sign in</source>
        <translation>Anmelden</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/staff.py" line="319"/>
        <location filename="../../kiosk/ui/staff.py" line="322"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/staff.py" line="319"/>
        <location filename="../../kiosk/ui/staff.py" line="322"/>
        <source>E-mail</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/staff.py" line="320"/>
        <location filename="../../kiosk/ui/staff.py" line="322"/>
        <source>Role here</source>
        <translation>Rolle hier</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/staff.py" line="323"/>
        <source>New password</source>
        <translation>Neues Passwort</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/staff.py" line="323"/>
        <source>Password again</source>
        <translation>Passwort wiederholen</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/staff.py" line="327"/>
        <source>Staff (check and redeem)</source>
        <translation>Mitarbeitende (prüfen und einlösen)</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/staff.py" line="330"/>
        <source>Add</source>
        <translation>Hinzufügen</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/staff.py" line="331"/>
        <source>Save changes</source>
        <translation>Änderungen speichern</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/staff.py" line="332"/>
        <source>Set new password</source>
        <translation>Neues Passwort setzen</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/staff.py" line="334"/>
        <source>Remove from this shop</source>
        <translation>Aus diesem Shop entfernen</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/staff.py" line="335"/>
        <source>Done</source>
        <translation>Fertig</translation>
    </message>
</context>
<context>
    <name>StaffSetupScreen</name>
    <message>
        <location filename="../../kiosk/ui/screens/staff_setup.py" line="74"/>
        <source>Set up the first manager</source>
        <translation>Erste Filialleitung einrichten</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/staff_setup.py" line="76"/>
        <source>This platform signs in the shop, not people: the till keeps its own staff list. Enter the first manager&apos;s name and a PIN of 4 to 8 digits. Managers add the rest of the staff in Settings → Staff.</source>
        <translation>Diese Plattform meldet den Laden an, nicht Personen: Die Kasse führt eine eigene Personalliste. Geben Sie den Namen der ersten Filialleitung und eine PIN mit 4 bis 8 Ziffern ein. Die Filialleitung fügt das übrige Personal unter Einstellungen → Mitarbeitende hinzu.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/staff_setup.py" line="79"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/staff_setup.py" line="79"/>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/staff_setup.py" line="80"/>
        <source>PIN again</source>
        <translation>PIN wiederholen</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/staff_setup.py" line="82"/>
        <source>Save and start</source>
        <translation>Speichern und starten</translation>
    </message>
</context>
<context>
    <name>Texts</name>
    <message>
        <location filename="../../kiosk/ui/texts.py" line="256"/>
        <source>Offline: the till&apos;s clock is wrong. Ask a manager to set it.</source>
        <translation>Offline: Die Uhr der Kasse geht falsch. Bitte die Filialleitung, sie zu stellen.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/texts.py" line="314"/>
        <source>Storage full — nothing was redeemed. Call a manager.</source>
        <translation>Speicher voll — nichts wurde eingelöst. Bitte eine Führungskraft rufen.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/texts.py" line="316"/>
        <source>The till could not save this redemption — nothing was redeemed. Call a manager.</source>
        <translation>Die Kasse konnte diese Einlösung nicht speichern — nichts wurde eingelöst. Bitte eine Führungskraft rufen.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/texts.py" line="83"/>
        <source>Valid</source>
        <translation>Gültig</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/texts.py" line="84"/>
        <source>Valid — partly used</source>
        <translation>Gültig — teilweise eingelöst</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/texts.py" line="85"/>
        <source>Fully redeemed</source>
        <translation>Vollständig eingelöst</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/texts.py" line="86"/>
        <source>Expired</source>
        <translation>Abgelaufen</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/texts.py" line="87"/>
        <source>Not valid yet</source>
        <translation>Noch nicht gültig</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/texts.py" line="88"/>
        <source>Cancelled</source>
        <translation>Storniert</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/texts.py" line="89"/>
        <source>Not for this shop</source>
        <translation>Nicht für diesen Shop</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/texts.py" line="90"/>
        <source>Unknown voucher</source>
        <translation>Unbekannter Gutschein</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/texts.py" line="91"/>
        <source>Can&apos;t check offline</source>
        <translation>Offline nicht prüfbar</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/texts.py" line="99"/>
        <source>This voucher hasn&apos;t been seen on this till.</source>
        <translation>Diese Kasse hat den Gutschein noch nie gesehen.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/texts.py" line="102"/>
        <source>This code is not a voucher of this shop.</source>
        <translation>Dieser Code ist kein Gutschein dieses Shops.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/texts.py" line="106"/>
        <source>Nothing left on this voucher.</source>
        <translation>Auf diesem Gutschein ist nichts mehr übrig.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/texts.py" line="107"/>
        <source>Fully redeemed on %1.</source>
        <translation>Vollständig eingelöst am %1.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/texts.py" line="111"/>
        <location filename="../../kiosk/ui/texts.py" line="241"/>
        <source>This voucher has expired.</source>
        <translation>Dieser Gutschein ist abgelaufen.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/texts.py" line="112"/>
        <source>Expired on %1.</source>
        <translation>Abgelaufen am %1.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/texts.py" line="115"/>
        <source>Valid from %1.</source>
        <translation>Gültig ab %1.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/texts.py" line="124"/>
        <source>This voucher cannot be redeemed here.</source>
        <translation>Dieser Gutschein kann hier nicht eingelöst werden.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../kiosk/ui/texts.py" line="41"/>
        <source>%n use(s)</source>
        <translation>
            <numerusform>%n Nutzung</numerusform>
            <numerusform>%n Nutzungen</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/texts.py" line="228"/>
        <source>%1 left</source>
        <translation>%1 übrig</translation>
    </message>
    <message numerus="yes">
        <location filename="../../kiosk/ui/texts.py" line="47"/>
        <source>%1 of %n use(s) left</source>
        <translation>
            <numerusform>%1 von %n Nutzung übrig</numerusform>
            <numerusform>%1 von %n Nutzungen übrig</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/texts.py" line="40"/>
        <source>unlimited uses</source>
        <translation>unbegrenzt nutzbar</translation>
    </message>
    <message numerus="yes">
        <location filename="../../kiosk/ui/texts.py" line="46"/>
        <source>Unlimited uses, %n used</source>
        <translation>
            <numerusform>Unbegrenzt nutzbar, %n genutzt</numerusform>
            <numerusform>Unbegrenzt nutzbar, %n genutzt</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/texts.py" line="118"/>
        <source>This voucher was replaced by a new voucher: scan the new one.</source>
        <translation>Dieser Gutschein wurde durch einen neuen ersetzt: den neuen scannen.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/texts.py" line="121"/>
        <source>This voucher was refunded.</source>
        <translation>Dieser Gutschein wurde erstattet.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/texts.py" line="122"/>
        <source>This voucher was cancelled.</source>
        <translation>Dieser Gutschein wurde storniert.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/texts.py" line="170"/>
        <source>%1% off</source>
        <translation>%1 % Rabatt</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/texts.py" line="173"/>
        <source>%1 off</source>
        <translation>%1 Rabatt</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/texts.py" line="175"/>
        <source>Free shipping</source>
        <translation>Kostenloser Versand</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/texts.py" line="186"/>
        <source>orders over %1</source>
        <translation>Bestellungen über %1</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/texts.py" line="188"/>
        <source>orders from %1</source>
        <translation>Bestellungen ab %1</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/texts.py" line="199"/>
        <source>Free shipping: nothing to take off at the counter.</source>
        <translation>Kostenloser Versand: an der Kasse nichts abzuziehen.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/texts.py" line="202"/>
        <source>Applies to certain products only: check the basket.</source>
        <translation>Gilt nur für bestimmte Produkte: Warenkorb prüfen.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/texts.py" line="236"/>
        <source>Voucher not found.</source>
        <translation>Gutschein nicht gefunden.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/texts.py" line="237"/>
        <source>This voucher cannot be redeemed at this shop.</source>
        <translation>Dieser Gutschein kann in diesem Shop nicht eingelöst werden.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/texts.py" line="239"/>
        <source>That amount cannot be taken from this voucher.</source>
        <translation>Dieser Betrag kann von diesem Gutschein nicht abgezogen werden.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/texts.py" line="242"/>
        <source>This voucher is not valid yet.</source>
        <translation>Dieser Gutschein ist noch nicht gültig.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/texts.py" line="244"/>
        <source>This voucher has already been fully redeemed.</source>
        <translation>Dieser Gutschein wurde bereits vollständig eingelöst.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/texts.py" line="246"/>
        <source>This voucher has been cancelled.</source>
        <translation>Dieser Gutschein wurde storniert.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/texts.py" line="248"/>
        <source>Enter an amount greater than zero.</source>
        <translation>Bitte einen Betrag größer als null eingeben.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/texts.py" line="250"/>
        <source>Offline: this voucher has not been seen before, so it cannot be checked.</source>
        <translation>Offline: Dieser Gutschein wurde hier noch nie geprüft und kann daher nicht geprüft werden.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/texts.py" line="252"/>
        <source>Offline: the last check of this voucher is too old.</source>
        <translation>Offline: Die letzte Prüfung dieses Gutscheins ist zu alt.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/texts.py" line="254"/>
        <source>Offline: over the limit allowed without a connection.</source>
        <translation>Offline: über dem ohne Verbindung erlaubten Limit.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/texts.py" line="258"/>
        <source>This voucher platform cannot do that.</source>
        <translation>Das kann diese Gutscheinplattform nicht.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/texts.py" line="262"/>
        <source>Not redeemed.</source>
        <translation>Nicht eingelöst.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/texts.py" line="270"/>
        <source>Enter the staff member&apos;s name.</source>
        <translation>Geben Sie den Namen der Person ein.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/texts.py" line="271"/>
        <source>A name has at most 40 characters.</source>
        <translation>Ein Name hat höchstens 40 Zeichen.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/texts.py" line="272"/>
        <source>Someone on this till already has that name.</source>
        <translation>Jemand an dieser Kasse hat diesen Namen schon.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/texts.py" line="273"/>
        <source>A PIN is 4 to 8 digits.</source>
        <translation>Eine PIN hat 4 bis 8 Ziffern.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/texts.py" line="274"/>
        <source>The two PINs do not match.</source>
        <translation>Die beiden PINs stimmen nicht überein.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/texts.py" line="275"/>
        <source>Someone on this till already has that PIN: choose another.</source>
        <translation>Jemand an dieser Kasse hat diese PIN schon: Wählen Sie eine andere.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/texts.py" line="277"/>
        <source>That is the till&apos;s manager PIN: choose another.</source>
        <translation>Das ist die Manager-PIN der Kasse: Wählen Sie eine andere.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/texts.py" line="278"/>
        <source>The first member of staff must be a manager.</source>
        <translation>Die erste Person auf der Liste muss zur Filialleitung gehören.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/texts.py" line="279"/>
        <source>The till needs at least one manager: make someone else a manager first.</source>
        <translation>Die Kasse braucht mindestens eine Filialleitung: Machen Sie zuerst jemand anderen zur Filialleitung.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/texts.py" line="281"/>
        <source>No such member of staff on this till.</source>
        <translation>Diese Person gibt es an dieser Kasse nicht.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/texts.py" line="282"/>
        <source>The staff list changed meanwhile: try again.</source>
        <translation>Die Personalliste hat sich inzwischen geändert: Versuchen Sie es erneut.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/texts.py" line="283"/>
        <source>Too many wrong PINs: try again in %1 seconds.</source>
        <translation>Zu viele falsche PINs: Versuchen Sie es in %1 Sekunden erneut.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/texts.py" line="298"/>
        <source>Wrong email or password.</source>
        <translation>Falsche E-Mail oder falsches Passwort.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/texts.py" line="300"/>
        <source>This account has no access to that shop.</source>
        <translation>Dieses Konto hat keinen Zugriff auf diesen Shop.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/texts.py" line="302"/>
        <source>The session has ended. Please sign in again.</source>
        <translation>Die Sitzung ist abgelaufen. Bitte erneut anmelden.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/texts.py" line="304"/>
        <source>Signing in failed. Please sign in again.</source>
        <translation>Anmeldung fehlgeschlagen. Bitte erneut anmelden.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/texts.py" line="306"/>
        <source>The server is busy. Try again in a moment.</source>
        <translation>Der Server ist ausgelastet. Bitte gleich erneut versuchen.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/texts.py" line="308"/>
        <source>Cannot reach the server. Check the address and the network.</source>
        <translation>Server nicht erreichbar. Bitte Adresse und Netzwerk prüfen.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/texts.py" line="311"/>
        <source>The server did not accept the request.</source>
        <translation>Der Server hat die Anfrage nicht angenommen.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/texts.py" line="286"/>
        <location filename="../../kiosk/ui/texts.py" line="319"/>
        <source>Something went wrong: %1</source>
        <translation>Etwas ist schiefgegangen: %1</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/texts.py" line="326"/>
        <source>Waiting to send</source>
        <translation>Wartet auf Senden</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/texts.py" line="327"/>
        <source>Sending</source>
        <translation>Wird gesendet</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/texts.py" line="328"/>
        <source>Redeemed</source>
        <translation>Eingelöst</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/texts.py" line="329"/>
        <source>Conflict</source>
        <translation>Konflikt</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/texts.py" line="330"/>
        <source>Written off</source>
        <translation>Abgeschrieben</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/texts.py" line="331"/>
        <source>Undo not confirmed</source>
        <translation>Rücknahme unbestätigt</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/texts.py" line="332"/>
        <source>Undone</source>
        <translation>Rückgängig gemacht</translation>
    </message>
</context>
<context>
    <name>UndoFlow</name>
    <message>
        <location filename="../../kiosk/ui/flows/undo.py" line="42"/>
        <source>VoucherCart cannot reverse a redemption: ask the shop&apos;s administrator to credit the voucher in the VoucherCart dashboard.</source>
        <translation>VoucherCart kann eine Einlösung nicht zurücknehmen: Bitten Sie die Verwaltung des Shops, den Gutschein im VoucherCart-Dashboard gutzuschreiben.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/flows/undo.py" line="45"/>
        <source>Vouchers API cannot take back an applied voucher: cancel or refund the order in the shop&apos;s own system; the voucher&apos;s use stays counted.</source>
        <translation>Vouchers API kann einen angewendeten Gutschein nicht zurücknehmen: Stornieren oder erstatten Sie die Bestellung im eigenen System des Shops; die Nutzung des Gutscheins bleibt gezählt.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/flows/undo.py" line="48"/>
        <source>ShopWired cannot undo a use of a voucher: ask the shop&apos;s administrator to lower the voucher&apos;s &apos;used&apos; count in the ShopWired admin.</source>
        <translation>ShopWired kann eine Nutzung nicht rückgängig machen: Bitten Sie die Verwaltung des Shops, den Zähler &apos;used&apos; des Gutscheins im ShopWired-Admin zu senken.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/flows/undo.py" line="52"/>
        <source>This voucher platform cannot take a redemption back.</source>
        <translation>Diese Gutscheinplattform kann keine Einlösung zurücknehmen.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/flows/undo.py" line="113"/>
        <location filename="../../kiosk/ui/flows/undo.py" line="114"/>
        <location filename="../../kiosk/ui/flows/undo.py" line="130"/>
        <location filename="../../kiosk/ui/flows/undo.py" line="142"/>
        <source>Undo last redemption</source>
        <translation>Letzte Einlösung zurücknehmen</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/flows/undo.py" line="138"/>
        <location filename="../../kiosk/ui/flows/undo.py" line="209"/>
        <source>Nothing to undo: no redemption on this till since the shift began.</source>
        <translation>Nichts zurückzunehmen: keine Einlösung an dieser Kasse seit Schichtbeginn.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/flows/undo.py" line="143"/>
        <source>Undo %1 on voucher %2 (at %3)?</source>
        <translation>%1 auf Gutschein %2 (um %3) zurücknehmen?</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/flows/undo.py" line="148"/>
        <source>It is still queued: it will be cancelled and never sent.</source>
        <translation>Sie ist noch in der Warteschlange: Sie wird storniert und nie gesendet.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/flows/undo.py" line="150"/>
        <source>The server takes the redemption back: the value is on the voucher again.</source>
        <translation>Der Server nimmt die Einlösung zurück: Der Wert steht wieder auf dem Gutschein.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/flows/undo.py" line="152"/>
        <source>Undo it</source>
        <translation>Zurücknehmen</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/flows/undo.py" line="154"/>
        <source>Keep it</source>
        <translation>Behalten</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/flows/undo.py" line="169"/>
        <source>Undoing…</source>
        <translation>Wird zurückgenommen…</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/flows/undo.py" line="194"/>
        <source>%1 on voucher %2</source>
        <translation>%1 auf Gutschein %2</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/flows/undo.py" line="197"/>
        <source>Undone: %1 was taken back.</source>
        <translation>Zurückgenommen: %1.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/flows/undo.py" line="199"/>
        <source>Cancelled: %1 was still queued and will not be sent.</source>
        <translation>Storniert: %1 war noch in der Warteschlange und wird nicht gesendet.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/flows/undo.py" line="202"/>
        <source>The server did not answer: the undo is not confirmed. Undo again — it cannot take back more than this one redemption.</source>
        <translation>Der Server hat nicht geantwortet: Die Rücknahme ist nicht bestätigt. Erneut zurücknehmen – es wird nie mehr als diese eine Einlösung zurückgenommen.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/flows/undo.py" line="211"/>
        <source>Already undone: %1.</source>
        <translation>Bereits zurückgenommen: %1.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/flows/undo.py" line="212"/>
        <source>The last redemption changed since it was shown: look again before undoing.</source>
        <translation>Die letzte Einlösung hat sich seit der Anzeige geändert: Bitte erneut prüfen, bevor Sie sie zurücknehmen.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/flows/undo.py" line="214"/>
        <source>The last redemption is being sent or not confirmed yet: wait until it is confirmed, then undo it.</source>
        <translation>Die letzte Einlösung wird gerade gesendet oder ist noch nicht bestätigt: Warten Sie die Bestätigung ab und nehmen Sie sie dann zurück.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/flows/undo.py" line="216"/>
        <source>Offline: taking back a redemption needs the server. Try again when the till is back online.</source>
        <translation>Offline: Für die Rücknahme einer Einlösung wird der Server gebraucht. Versuchen Sie es erneut, wenn die Kasse wieder online ist.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/flows/undo.py" line="222"/>
        <source>Not undone: %1</source>
        <translation>Nicht zurückgenommen: %1</translation>
    </message>
</context>
</TS>
