# Sourced by the Java benches: CP, the class path of plugin-impl's build (classes, test classes, the
# exploded WAR's libraries) plus the container APIs the WAR does not carry. Needs a build (bench/README.md).
M2=${M2:-$HOME/.m2/repository}
T=plugin-impl/target
CP=plugin-api/target/classes:$T/classes:$T/test-classes:$T/whatsapp/WEB-INF/lib/*
CP=$CP:$M2/org/eclipse/persistence/eclipselink/4.0.7/eclipselink-4.0.7.jar
CP=$CP:$M2/jakarta/platform/jakarta.jakartaee-api/10.0.0/jakarta.jakartaee-api-10.0.0.jar
CP=$CP:$M2/org/eclipse/microprofile/config/microprofile-config-api/3.1/microprofile-config-api-3.1.jar
CP=$CP:$(find $M2/org/junit/jupiter/junit-jupiter-api -name 'junit-jupiter-api-5.11*.jar' | head -1)
CP=$CP:$M2/org/eclipse/yasson/3.0.4/yasson-3.0.4.jar:$M2/org/eclipse/parsson/parsson/1.1.7/parsson-1.1.7.jar
