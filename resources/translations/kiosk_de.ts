<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE" sourcelanguage="en">
<context>
    <name>CardScreen</name>
    <message>
        <location filename="../../kiosk/ui/screens/card.py" line="120"/>
        <source>Product</source>
        <translation>Produkt</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/card.py" line="120"/>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/card.py" line="121"/>
        <source>Valid</source>
        <translation>Gültig</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/card.py" line="121"/>
        <source>For</source>
        <translation>Für</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/card.py" line="122"/>
        <source>Message</source>
        <translation>Nachricht</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/card.py" line="122"/>
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/card.py" line="123"/>
        <source>Order</source>
        <translation>Bestellung</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/card.py" line="126"/>
        <source>Redemptions</source>
        <translation>Einlösungen</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/card.py" line="127"/>
        <source>Redeem part…</source>
        <translation>Teil einlösen…</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/card.py" line="128"/>
        <source>Scan next</source>
        <translation>Nächster Scan</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/card.py" line="131"/>
        <location filename="../../kiosk/ui/screens/card.py" line="154"/>
        <source>Redeem all</source>
        <translation>Alles einlösen</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/card.py" line="142"/>
        <source>OFFLINE</source>
        <translation>OFFLINE</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/card.py" line="145"/>
        <source>Checked offline at %1 — last known status from %2.</source>
        <translation>Offline geprüft um %1 — letzter bekannter Stand vom %2.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/card.py" line="152"/>
        <source>Redeem all (%1)</source>
        <translation>Alles einlösen (%1)</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/card.py" line="174"/>
        <source>%1 waiting to be sent from this till.</source>
        <translation>%1 wartet an dieser Kasse auf Übertragung.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../kiosk/ui/screens/card.py" line="182"/>
        <source>%n use(s)</source>
        <translation>
            <numerusform>%n Nutzung</numerusform>
            <numerusform>%n Nutzungen</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/card.py" line="192"/>
        <source>%1, bought %2</source>
        <translation>%1, gekauft am %2</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/card.py" line="203"/>
        <source>%1 to %2</source>
        <translation>%1 bis %2</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/card.py" line="205"/>
        <source>until %1</source>
        <translation>bis %1</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/card.py" line="207"/>
        <source>from %1</source>
        <translation>ab %1</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/card.py" line="208"/>
        <source>no expiry date</source>
        <translation>ohne Ablaufdatum</translation>
    </message>
</context>
<context>
    <name>ConnectionIndicator</name>
    <message>
        <location filename="../../kiosk/ui/widgets/connection.py" line="51"/>
        <source>Connecting…</source>
        <translation>Verbinde…</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/widgets/connection.py" line="52"/>
        <location filename="../../kiosk/ui/widgets/connection.py" line="65"/>
        <source>Queue: %1</source>
        <translation>Warteschlange: %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../kiosk/ui/widgets/connection.py" line="56"/>
        <source>Syncing %n</source>
        <translation>
            <numerusform>Synchronisiere %n</numerusform>
            <numerusform>Synchronisiere %n</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/widgets/connection.py" line="58"/>
        <source>Online</source>
        <translation>Online</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/widgets/connection.py" line="61"/>
        <source>Offline since %1</source>
        <translation>Offline seit %1</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/widgets/connection.py" line="67"/>
        <source>Conflicts: %1</source>
        <translation>Konflikte: %1</translation>
    </message>
</context>
<context>
    <name>Keypad</name>
    <message>
        <location filename="../../kiosk/ui/widgets/keypad.py" line="58"/>
        <source>Max</source>
        <translation>Max</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/widgets/keypad.py" line="59"/>
        <source>Everything available</source>
        <translation>Alles Verfügbare</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/widgets/keypad.py" line="60"/>
        <source>Delete the last digit</source>
        <translation>Letzte Ziffer löschen</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/widgets/keypad.py" line="61"/>
        <source>C</source>
        <translation>C</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/widgets/keypad.py" line="62"/>
        <source>Clear</source>
        <translation>Leeren</translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message>
        <location filename="../../kiosk/ui/screens/lock.py" line="63"/>
        <source>Locked — %1, enter your password</source>
        <translation>Gesperrt — %1, bitte Passwort eingeben</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/lock.py" line="64"/>
        <source>Locked</source>
        <translation>Gesperrt</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/lock.py" line="66"/>
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/lock.py" line="66"/>
        <source>Password or manager PIN</source>
        <translation>Passwort oder Manager-PIN</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/lock.py" line="67"/>
        <source>Unlock</source>
        <translation>Entsperren</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/lock.py" line="68"/>
        <source>Switch staff</source>
        <translation>Personal wechseln</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/lock.py" line="95"/>
        <source>Wrong password.</source>
        <translation>Falsches Passwort.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/lock.py" line="95"/>
        <source>Wrong password or PIN.</source>
        <translation>Falsches Passwort oder falsche PIN.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../kiosk/ui/main_window.py" line="226"/>
        <location filename="../../kiosk/ui/main_window.py" line="254"/>
        <source>Export the redemptions</source>
        <translation>Einlösungen exportieren</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/main_window.py" line="248"/>
        <source>Retry a conflict</source>
        <translation>Konflikt erneut versuchen</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/main_window.py" line="251"/>
        <source>Write off a conflict</source>
        <translation>Konflikt abschreiben</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/main_window.py" line="259"/>
        <source>Scan</source>
        <translation>Scannen</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/main_window.py" line="260"/>
        <source>Queue</source>
        <translation>Warteschlange</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/main_window.py" line="261"/>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/main_window.py" line="262"/>
        <source>Lock</source>
        <translation>Sperren</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/main_window.py" line="275"/>
        <source>%1 at %2</source>
        <translation>%1 bei %2</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/main_window.py" line="434"/>
        <source>That is not a voucher code: %1</source>
        <translation>Das ist kein Gutscheincode: %1</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/main_window.py" line="509"/>
        <source>Redeemed</source>
        <translation>Eingelöst</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/main_window.py" line="509"/>
        <source>Saved offline</source>
        <translation>Offline gespeichert</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/main_window.py" line="510"/>
        <source>Not redeemed</source>
        <translation>Nicht eingelöst</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/main_window.py" line="510"/>
        <source>Written off</source>
        <translation>Abgeschrieben</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/main_window.py" line="537"/>
        <source>Conflict resolved.</source>
        <translation>Konflikt gelöst.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../kiosk/ui/main_window.py" line="543"/>
        <source>%n redemption(s) exported to %1.</source>
        <translation>
            <numerusform>%n Einlösung nach %1 exportiert.</numerusform>
            <numerusform>%n Einlösungen nach %1 exportiert.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/main_window.py" line="551"/>
        <source>Open the settings</source>
        <translation>Einstellungen öffnen</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/main_window.py" line="561"/>
        <source>%1 (%2) on %3 at %4</source>
        <translation>%1 (%2) in %3 auf %4</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/main_window.py" line="599"/>
        <source>Saved.</source>
        <translation>Gespeichert.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/main_window.py" line="599"/>
        <source>Saved. The manager PIN is set.</source>
        <translation>Gespeichert. Die Manager-PIN ist gesetzt.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../kiosk/ui/main_window.py" line="638"/>
        <source>%n redemption(s) are still waiting to be sent. Signing out now would strand them: connect to the server and wait until the queue is empty.</source>
        <translation>
            <numerusform>%n Einlösung wartet noch auf Übertragung. Bitte nicht abmelden: mit dem Server verbinden und warten, bis die Warteschlange leer ist.</numerusform>
            <numerusform>%n Einlösungen warten noch auf Übertragung. Bitte nicht abmelden: mit dem Server verbinden und warten, bis die Warteschlange leer ist.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/main_window.py" line="798"/>
        <source>Leave kiosk mode</source>
        <translation>Kioskmodus verlassen</translation>
    </message>
</context>
<context>
    <name>ManagerScreen</name>
    <message>
        <location filename="../../kiosk/ui/screens/manager.py" line="76"/>
        <source>Manager authorisation</source>
        <translation>Freigabe durch die Leitung</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/manager.py" line="79"/>
        <source>Manager PIN</source>
        <translation>Manager-PIN</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/manager.py" line="82"/>
        <source>Your password</source>
        <translation>Ihr Passwort</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/manager.py" line="84"/>
        <source>No manager PIN yet: enter your own password. Set a manager PIN in Settings.</source>
        <translation>Noch keine Manager-PIN: Geben Sie Ihr eigenes Passwort ein. Legen Sie in den Einstellungen eine Manager-PIN fest.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/manager.py" line="86"/>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/manager.py" line="87"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/manager.py" line="113"/>
        <source>Wrong PIN.</source>
        <translation>Falsche PIN.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/manager.py" line="114"/>
        <source>Wrong password.</source>
        <translation>Falsches Passwort.</translation>
    </message>
</context>
<context>
    <name>QueueScreen</name>
    <message>
        <location filename="../../kiosk/ui/screens/queue.py" line="114"/>
        <source>Queue and conflicts</source>
        <translation>Warteschlange und Konflikte</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/queue.py" line="115"/>
        <source>Waiting</source>
        <translation>Wartend</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/queue.py" line="115"/>
        <source>Conflicts</source>
        <translation>Konflikte</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/queue.py" line="116"/>
        <source>Done</source>
        <translation>Erledigt</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/queue.py" line="116"/>
        <source>All</source>
        <translation>Alle</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/queue.py" line="119"/>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/queue.py" line="119"/>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/queue.py" line="119"/>
        <source>Amount</source>
        <translation>Betrag</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/queue.py" line="119"/>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/queue.py" line="120"/>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/queue.py" line="121"/>
        <source>Send now</source>
        <translation>Jetzt senden</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/queue.py" line="122"/>
        <source>Export CSV…</source>
        <translation>CSV exportieren…</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/queue.py" line="123"/>
        <source>Retry with remaining balance</source>
        <translation>Mit Restguthaben erneut versuchen</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/queue.py" line="124"/>
        <source>Write off</source>
        <translation>Abschreiben</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/queue.py" line="125"/>
        <source>Note for the write-off (required)</source>
        <translation>Notiz zur Abschreibung (Pflicht)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../kiosk/ui/screens/queue.py" line="145"/>
        <location filename="../../kiosk/ui/screens/queue.py" line="155"/>
        <source>%n use(s)</source>
        <translation>
            <numerusform>%n Nutzung</numerusform>
            <numerusform>%n Nutzungen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../kiosk/ui/screens/queue.py" line="147"/>
        <source>This shift: %n redemption(s)</source>
        <translation>
            <numerusform>Diese Schicht: %n Einlösung</numerusform>
            <numerusform>Diese Schicht: %n Einlösungen</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/queue.py" line="149"/>
        <source>online %1, offline %2</source>
        <translation>online %1, offline %2</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/queue.py" line="178"/>
        <source>offline</source>
        <translation>offline</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/queue.py" line="229"/>
        <source>Export redemptions</source>
        <translation>Einlösungen exportieren</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/queue.py" line="230"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
</context>
<context>
    <name>RedeemScreen</name>
    <message>
        <location filename="../../kiosk/ui/screens/redeem.py" line="124"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/redeem.py" line="125"/>
        <source>Next</source>
        <translation>Weiter</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/redeem.py" line="126"/>
        <source>Change amount</source>
        <translation>Betrag ändern</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/redeem.py" line="127"/>
        <source>Yes, redeem</source>
        <translation>Ja, einlösen</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/redeem.py" line="130"/>
        <source>Redeem part</source>
        <translation>Teil einlösen</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/redeem.py" line="133"/>
        <source>Amount to redeem from %1</source>
        <translation>Betrag, der von %1 eingelöst wird</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/redeem.py" line="135"/>
        <source>Uses to redeem from %1</source>
        <translation>Nutzungen, die von %1 eingelöst werden</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/redeem.py" line="137"/>
        <source>Available: %1</source>
        <translation>Verfügbar: %1</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/redeem.py" line="177"/>
        <source>Enter an amount.</source>
        <translation>Bitte einen Betrag eingeben.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/redeem.py" line="180"/>
        <source>Enter an amount greater than zero.</source>
        <translation>Bitte einen Betrag größer als null eingeben.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/redeem.py" line="184"/>
        <source>Too much: only %1 can be redeemed.</source>
        <translation>Zu viel: nur %1 kann eingelöst werden.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/redeem.py" line="203"/>
        <source>Redeem %1?</source>
        <translation>%1 einlösen?</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/redeem.py" line="205"/>
        <source>%1 will be left.</source>
        <translation>Danach bleiben %1.</translation>
    </message>
</context>
<context>
    <name>ResultScreen</name>
    <message numerus="yes">
        <location filename="../../kiosk/ui/screens/result.py" line="89"/>
        <source>Back to scanning in %n second(s)…</source>
        <translation>
            <numerusform>Zurück zum Scannen in %n Sekunde…</numerusform>
            <numerusform>Zurück zum Scannen in %n Sekunden…</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/result.py" line="94"/>
        <source>Scan next</source>
        <translation>Nächster Scan</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/result.py" line="99"/>
        <location filename="../../kiosk/ui/screens/result.py" line="113"/>
        <source>Not redeemed</source>
        <translation>Nicht eingelöst</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/result.py" line="106"/>
        <source>Redeemed %1</source>
        <translation>%1 eingelöst</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/result.py" line="107"/>
        <source>Confirmed by the server.</source>
        <translation>Vom Server bestätigt.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/result.py" line="110"/>
        <source>Saved — will be sent when back online</source>
        <translation>Gespeichert — wird gesendet, sobald wieder online</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/result.py" line="111"/>
        <source>%1 redeemed offline.</source>
        <translation>%1 offline eingelöst.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/result.py" line="111"/>
        <source>OFFLINE</source>
        <translation>OFFLINE</translation>
    </message>
</context>
<context>
    <name>ScanScreen</name>
    <message>
        <location filename="../../kiosk/ui/screens/scan.py" line="78"/>
        <source>Scan a voucher or type its code</source>
        <translation>Gutschein scannen oder Code eingeben</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/scan.py" line="79"/>
        <source>Voucher code</source>
        <translation>Gutscheincode</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/scan.py" line="80"/>
        <source>Check</source>
        <translation>Prüfen</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/scan.py" line="81"/>
        <source>Recent scans</source>
        <translation>Letzte Scans</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/scan.py" line="116"/>
        <source>The camera is not working. Use the barcode scanner or type the code.</source>
        <translation>Die Kamera funktioniert nicht. Bitte Barcode-Scanner nutzen oder Code eingeben.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/scan.py" line="119"/>
        <source>No camera. Use the barcode scanner or type the code.</source>
        <translation>Keine Kamera. Bitte Barcode-Scanner nutzen oder Code eingeben.</translation>
    </message>
</context>
<context>
    <name>SettingsScreen</name>
    <message>
        <location filename="../../kiosk/ui/screens/settings.py" line="153"/>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/settings.py" line="155"/>
        <source>Kiosk name</source>
        <translation>Kassenname</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/settings.py" line="155"/>
        <source>Camera</source>
        <translation>Kamera</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/settings.py" line="156"/>
        <location filename="../../kiosk/ui/screens/settings.py" line="170"/>
        <source>Preview</source>
        <translation>Vorschau</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/settings.py" line="156"/>
        <source>New manager PIN (twice)</source>
        <translation>Neue Manager-PIN (zweimal)</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/settings.py" line="157"/>
        <source>Connection</source>
        <translation>Verbindung</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/settings.py" line="158"/>
        <source>Barcode decoder</source>
        <translation>Barcode-Decoder</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/settings.py" line="158"/>
        <source>Sounds</source>
        <translation>Töne</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/settings.py" line="159"/>
        <source>Volume</source>
        <translation>Lautstärke</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/settings.py" line="159"/>
        <source>Lock after idle minutes (0 = never)</source>
        <translation>Sperren nach Minuten ohne Eingabe (0 = nie)</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/settings.py" line="160"/>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/settings.py" line="161"/>
        <source>Offline: trust checks from the last hours</source>
        <translation>Offline: Prüfungen der letzten Stunden vertrauen</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/settings.py" line="162"/>
        <source>Offline: most per voucher (cents or uses, 0 = no limit)</source>
        <translation>Offline: höchstens je Gutschein (Cent oder Nutzungen, 0 = unbegrenzt)</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/settings.py" line="163"/>
        <source>Offline: most per shift (cents or uses, 0 = no limit)</source>
        <translation>Offline: höchstens je Schicht (Cent oder Nutzungen, 0 = unbegrenzt)</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/settings.py" line="164"/>
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/settings.py" line="164"/>
        <source>Kiosk mode</source>
        <translation>Kioskmodus</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/settings.py" line="165"/>
        <source>Server and account</source>
        <translation>Server und Konto</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/settings.py" line="259"/>
        <source>The manager PIN must be at least 4 digits.</source>
        <translation>Die Manager-PIN muss mindestens 4 Ziffern haben.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/settings.py" line="262"/>
        <source>The two PINs are not the same.</source>
        <translation>Die beiden PINs stimmen nicht überein.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/settings.py" line="301"/>
        <source>Tap Preview to test the camera and decoder.</source>
        <translation>Tippen Sie auf Vorschau, um Kamera und Decoder zu testen.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/settings.py" line="302"/>
        <source>Starting the camera…</source>
        <translation>Kamera wird gestartet…</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/settings.py" line="303"/>
        <source>Camera working. Hold a voucher code in front of it.</source>
        <translation>Kamera läuft. Halten Sie einen Gutscheincode davor.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/settings.py" line="304"/>
        <source>No camera found at this address.</source>
        <translation>Unter dieser Adresse wurde keine Kamera gefunden.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/settings.py" line="305"/>
        <source>The camera stopped; trying again…</source>
        <translation>Die Kamera ist ausgefallen; neuer Versuch…</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/settings.py" line="306"/>
        <source>The camera stopped.</source>
        <translation>Die Kamera wurde angehalten.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/settings.py" line="310"/>
        <source>Read: %1</source>
        <translation>Gelesen: %1</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/settings.py" line="169"/>
        <source>Find cameras</source>
        <translation>Kameras suchen</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/settings.py" line="171"/>
        <source>Combined (best)</source>
        <translation>Kombiniert (beste Wahl)</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/settings.py" line="171"/>
        <source>zxing-cpp</source>
        <translation>zxing-cpp</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/settings.py" line="172"/>
        <source>ZBar</source>
        <translation>ZBar</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/settings.py" line="174"/>
        <source>Work offline (send nothing until switched off)</source>
        <translation>Offline arbeiten (nichts senden, bis ausgeschaltet)</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/settings.py" line="175"/>
        <source>New PIN (4+ digits)</source>
        <translation>Neue PIN (ab 4 Ziffern)</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/settings.py" line="176"/>
        <source>Repeat the PIN</source>
        <translation>PIN wiederholen</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/settings.py" line="178"/>
        <source>A manager PIN is set. Type a new one to change it.</source>
        <translation>Eine Manager-PIN ist gesetzt. Geben Sie eine neue ein, um sie zu ändern.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/settings.py" line="180"/>
        <source>No manager PIN yet: manager actions ask for the signed-in password. Set a manager PIN here.</source>
        <translation>Noch keine Manager-PIN: Leitungsaktionen verlangen das Passwort der angemeldeten Person. Legen Sie hier eine Manager-PIN fest.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/settings.py" line="183"/>
        <source>Beep on every result</source>
        <translation>Ton bei jedem Ergebnis</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/settings.py" line="184"/>
        <source>Accept vouchers never checked before</source>
        <translation>Nie geprüfte Gutscheine annehmen</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/settings.py" line="185"/>
        <source>Start full screen</source>
        <translation>Im Vollbild starten</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/settings.py" line="186"/>
        <source>System language</source>
        <translation>Systemsprache</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/settings.py" line="190"/>
        <source>Switch staff</source>
        <translation>Personal wechseln</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/settings.py" line="191"/>
        <source>Sign out</source>
        <translation>Abmelden</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/settings.py" line="192"/>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
</context>
<context>
    <name>SignInScreen</name>
    <message>
        <location filename="../../kiosk/ui/screens/signin.py" line="81"/>
        <source>Sign in to this till</source>
        <translation>An dieser Kasse anmelden</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/signin.py" line="82"/>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/signin.py" line="82"/>
        <source>Staff email</source>
        <translation>E-Mail (Personal)</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/signin.py" line="82"/>
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/signin.py" line="83"/>
        <source>Shop</source>
        <translation>Shop</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/signin.py" line="83"/>
        <source>Kiosk name</source>
        <translation>Kassenname</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/signin.py" line="87"/>
        <source>Demo shop</source>
        <translation>Demo-Shop</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/signin.py" line="88"/>
        <source>name@shop.example</source>
        <translation>name@shop.example</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/signin.py" line="89"/>
        <source>Find my shops</source>
        <translation>Meine Shops finden</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/signin.py" line="90"/>
        <source>e.g. Front till</source>
        <translation>z. B. Kasse vorne</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/signin.py" line="91"/>
        <source>Sign in</source>
        <translation>Anmelden</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/signin.py" line="122"/>
        <source>Enter the server and your email first.</source>
        <translation>Bitte zuerst Server und E-Mail eingeben.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/signin.py" line="136"/>
        <source>No shops found for this email.</source>
        <translation>Keine Shops für diese E-Mail gefunden.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/signin.py" line="148"/>
        <source>Fill in the server, email, password and shop.</source>
        <translation>Bitte Server, E-Mail, Passwort und Shop ausfüllen.</translation>
    </message>
</context>
<context>
    <name>Texts</name>
    <message>
        <location filename="../../kiosk/ui/texts.py" line="155"/>
        <source>Storage full — nothing was redeemed. Call a manager.</source>
        <translation>Speicher voll — nichts wurde eingelöst. Bitte eine Führungskraft rufen.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/texts.py" line="155"/>
        <source>The till could not save this redemption — nothing was redeemed. Call a manager.</source>
        <translation>Die Kasse konnte diese Einlösung nicht speichern — nichts wurde eingelöst. Bitte eine Führungskraft rufen.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/texts.py" line="50"/>
        <source>Valid</source>
        <translation>Gültig</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/texts.py" line="51"/>
        <source>Valid — partly used</source>
        <translation>Gültig — teilweise eingelöst</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/texts.py" line="52"/>
        <source>Fully redeemed</source>
        <translation>Vollständig eingelöst</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/texts.py" line="53"/>
        <source>Expired</source>
        <translation>Abgelaufen</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/texts.py" line="54"/>
        <source>Not valid yet</source>
        <translation>Noch nicht gültig</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/texts.py" line="55"/>
        <source>Cancelled</source>
        <translation>Storniert</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/texts.py" line="56"/>
        <source>Not for this shop</source>
        <translation>Nicht für diesen Shop</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/texts.py" line="57"/>
        <source>Unknown voucher</source>
        <translation>Unbekannter Gutschein</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/texts.py" line="65"/>
        <source>This code is not a voucher of this shop.</source>
        <translation>Dieser Code ist kein Gutschein dieses Shops.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/texts.py" line="69"/>
        <source>Nothing left on this voucher.</source>
        <translation>Auf diesem Gutschein ist nichts mehr übrig.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/texts.py" line="70"/>
        <source>Fully redeemed on %1.</source>
        <translation>Vollständig eingelöst am %1.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/texts.py" line="74"/>
        <location filename="../../kiosk/ui/texts.py" line="112"/>
        <source>This voucher has expired.</source>
        <translation>Dieser Gutschein ist abgelaufen.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/texts.py" line="75"/>
        <source>Expired on %1.</source>
        <translation>Abgelaufen am %1.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/texts.py" line="78"/>
        <source>Valid from %1.</source>
        <translation>Gültig ab %1.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/texts.py" line="80"/>
        <source>This voucher was cancelled or refunded.</source>
        <translation>Dieser Gutschein wurde storniert oder erstattet.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/texts.py" line="82"/>
        <source>This voucher cannot be redeemed here.</source>
        <translation>Dieser Gutschein kann hier nicht eingelöst werden.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../kiosk/ui/texts.py" line="91"/>
        <source>%n use(s)</source>
        <translation>
            <numerusform>%n Nutzung</numerusform>
            <numerusform>%n Nutzungen</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/texts.py" line="98"/>
        <source>%1 left</source>
        <translation>%1 übrig</translation>
    </message>
    <message numerus="yes">
        <location filename="../../kiosk/ui/texts.py" line="99"/>
        <source>%1 of %n use(s) left</source>
        <translation>
            <numerusform>%1 von %n Nutzung übrig</numerusform>
            <numerusform>%1 von %n Nutzungen übrig</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/texts.py" line="107"/>
        <source>Voucher not found.</source>
        <translation>Gutschein nicht gefunden.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/texts.py" line="108"/>
        <source>This voucher cannot be redeemed at this shop.</source>
        <translation>Dieser Gutschein kann in diesem Shop nicht eingelöst werden.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/texts.py" line="110"/>
        <source>That amount cannot be taken from this voucher.</source>
        <translation>Dieser Betrag kann von diesem Gutschein nicht abgezogen werden.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/texts.py" line="113"/>
        <source>This voucher is not valid yet.</source>
        <translation>Dieser Gutschein ist noch nicht gültig.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/texts.py" line="115"/>
        <source>This voucher has already been fully redeemed.</source>
        <translation>Dieser Gutschein wurde bereits vollständig eingelöst.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/texts.py" line="117"/>
        <source>This voucher has been cancelled.</source>
        <translation>Dieser Gutschein wurde storniert.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/texts.py" line="119"/>
        <source>Enter an amount greater than zero.</source>
        <translation>Bitte einen Betrag größer als null eingeben.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/texts.py" line="121"/>
        <source>Offline: this voucher has not been seen before, so it cannot be checked.</source>
        <translation>Offline: Dieser Gutschein wurde hier noch nie geprüft und kann daher nicht geprüft werden.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/texts.py" line="123"/>
        <source>Offline: the last check of this voucher is too old.</source>
        <translation>Offline: Die letzte Prüfung dieses Gutscheins ist zu alt.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/texts.py" line="125"/>
        <source>Offline: over the limit allowed without a connection.</source>
        <translation>Offline: über dem ohne Verbindung erlaubten Limit.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/texts.py" line="129"/>
        <source>Not redeemed.</source>
        <translation>Nicht eingelöst.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/texts.py" line="138"/>
        <source>Wrong email or password.</source>
        <translation>Falsche E-Mail oder falsches Passwort.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/texts.py" line="140"/>
        <source>This account has no access to that shop.</source>
        <translation>Dieses Konto hat keinen Zugriff auf diesen Shop.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/texts.py" line="142"/>
        <source>The session has ended. Please sign in again.</source>
        <translation>Die Sitzung ist abgelaufen. Bitte erneut anmelden.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/texts.py" line="144"/>
        <source>Signing in failed. Please sign in again.</source>
        <translation>Anmeldung fehlgeschlagen. Bitte erneut anmelden.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/texts.py" line="146"/>
        <source>The server is busy. Try again in a moment.</source>
        <translation>Der Server ist ausgelastet. Bitte gleich erneut versuchen.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/texts.py" line="148"/>
        <source>Cannot reach the server. Check the address and the network.</source>
        <translation>Server nicht erreichbar. Bitte Adresse und Netzwerk prüfen.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/texts.py" line="151"/>
        <source>The server did not accept the request.</source>
        <translation>Der Server hat die Anfrage nicht angenommen.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/texts.py" line="152"/>
        <source>Something went wrong: %1</source>
        <translation>Etwas ist schiefgegangen: %1</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/texts.py" line="159"/>
        <source>Waiting to send</source>
        <translation>Wartet auf Senden</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/texts.py" line="160"/>
        <source>Sending</source>
        <translation>Wird gesendet</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/texts.py" line="161"/>
        <source>Redeemed</source>
        <translation>Eingelöst</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/texts.py" line="162"/>
        <source>Conflict</source>
        <translation>Konflikt</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/texts.py" line="163"/>
        <source>Written off</source>
        <translation>Abgeschrieben</translation>
    </message>
</context>
</TS>
