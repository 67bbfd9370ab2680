"""Seed vocabularies for the generated benchmark corpus: fictional events, places, people and organisations.

Every name here is invented for filler; none is the forum's (the real documents are copied in unchanged).
Each entry is an (English, Korean) pair.
"""

from __future__ import annotations

CITIES = [
    ("Busan", "부산"), ("Daegu", "대구"), ("Incheon", "인천"), ("Gwangju", "광주"), ("Daejeon", "대전"),
    ("Ulsan", "울산"), ("Suwon", "수원"), ("Jeju", "제주"), ("Sejong", "세종"), ("Changwon", "창원"),
    ("Pohang", "포항"), ("Jeonju", "전주"), ("Gangneung", "강릉"), ("Chuncheon", "춘천"), ("Mokpo", "목포"),
]
TOPICS = [
    ("Data Governance", "데이터 거버넌스"), ("Robot Ethics", "로봇 윤리"), ("Quantum Computing", "양자 컴퓨팅"),
    ("Smart Cities", "스마트 시티"), ("Digital Health", "디지털 헬스"), ("Cloud Security", "클라우드 보안"),
    ("Semiconductor Design", "반도체 설계"), ("Climate Technology", "기후 기술"),
    ("Mobility Innovation", "모빌리티 혁신"), ("Open Source Software", "오픈소스 소프트웨어"),
    ("Space Technology", "우주 기술"), ("Fintech Regulation", "핀테크 규제"), ("Cyber Resilience", "사이버 복원력"),
    ("Agricultural Drones", "농업용 드론"), ("Battery Recycling", "배터리 재활용"), ("Ocean Robotics", "해양 로봇"),
]
KINDS = [("Forum", "포럼"), ("Summit", "서밋"), ("Conference", "콘퍼런스"), ("Symposium", "심포지엄"),
         ("Expo", "엑스포")]
YEARS = [2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024, 2026, 2027, 2028, 2029, 2030]
VENUES = [
    ("Hotel Haeun Grand", "해운 그랜드 호텔"), ("Bitgoeul Convention Hall", "빛고을 컨벤션홀"),
    ("Songdo Harbor Centre", "송도 하버 센터"), ("Hanbat Exhibition Hall", "한밭 전시장"),
    ("Seorae Riverside Hotel", "서래 리버사이드 호텔"), ("Dalgubeol Congress Hall", "달구벌 콩그레스홀"),
    ("Tamna Ocean Resort", "탐라 오션 리조트"), ("Gyeongpo Lake Hall", "경포 호수홀"),
    ("Namsan Garden Hotel", "남산 가든 호텔"), ("Yeongdo Bridge Centre", "영도 브리지 센터"),
]
HOSTS = [
    ("the Ministry of Maritime Innovation", "해양혁신부"), ("the Ministry of Digital Industry", "디지털산업부"),
    ("the Regional Technology Council", "지역기술위원회"), ("the National Standards Board", "국가표준위원회"),
    ("the Metropolitan Innovation Office", "광역혁신청"),
]
ORGANIZERS = [
    ("the Korea Institute for Robot Standards", "한국로봇표준원"), ("the Hanbit Data Policy Centre", "한빛데이터정책센터"),
    ("the Institute for Trustworthy Computing", "신뢰컴퓨팅연구원"), ("the Green Tech Promotion Agency", "녹색기술진흥원"),
    ("the Future Mobility Research Institute", "미래모빌리티연구원"), ("the Open Software Foundation Korea", "한국오픈소프트웨어재단"),
]
COMPANIES = [
    ("Nuri Robotics", "누리로보틱스"), ("Hanbit Data", "한빛데이터"), ("Saebyeok Labs", "새벽랩스"),
    ("Gaon Cloud", "가온클라우드"), ("Dasom Systems", "다솜시스템즈"), ("Areum Quantum", "아름퀀텀"),
    ("Blue Harbor Analytics", "블루하버애널리틱스"), ("Northwind Mobility", "노스윈드모빌리티"),
    ("Haneul Aerospace", "하늘에어로스페이스"), ("Sodam Health", "소담헬스"),
]
UNIVERSITIES = [
    ("Hanbat National University", "한밭국립대학교"), ("Dongbaek University", "동백대학교"),
    ("Seorak Institute of Technology", "설악공과대학교"), ("Gaya University", "가야대학교"),
]
SURNAMES = [
    ("Park", "박"), ("Choi", "최"), ("Jung", "정"), ("Kang", "강"), ("Yoon", "윤"), ("Jang", "장"), ("Lim", "임"),
    ("Han", "한"), ("Oh", "오"), ("Seo", "서"), ("Shin", "신"), ("Kwon", "권"), ("Hwang", "황"), ("Ahn", "안"),
    ("Song", "송"), ("Hong", "홍"), ("Jeon", "전"), ("Ko", "고"), ("Moon", "문"), ("Bae", "배"),
]
SYLLABLES = [
    ("min", "민"), ("seo", "서"), ("ji", "지"), ("hyun", "현"), ("woo", "우"), ("jun", "준"), ("ha", "하"),
    ("yeon", "연"), ("su", "수"), ("eun", "은"), ("jae", "재"), ("hee", "희"), ("young", "영"), ("sung", "성"),
    ("tae", "태"), ("do", "도"), ("na", "나"), ("ra", "라"), ("bin", "빈"), ("gyu", "규"),
]
FOREIGN = [
    ("Elena Marsh", "엘레나 마시"), ("Tomas Weller", "토마스 웰러"), ("Priya Anand", "프리야 아난드"),
    ("Lucas Moreau", "루카스 모로"), ("Ingrid Dahl", "잉그리드 달"), ("Kenji Morita", "겐지 모리타"),
    ("Sofia Reyes", "소피아 레예스"), ("Daniel Okafor", "대니얼 오카포"),
]
THEMES = [
    ("shared testing standards", "공동 시험 표준"), ("workforce training", "인력 양성"),
    ("public procurement", "공공 조달"), ("cross-border data flows", "국경 간 데이터 이동"),
    ("incident reporting", "사고 보고 체계"), ("regional start-up funds", "지역 창업 기금"),
    ("open benchmarks", "공개 벤치마크"), ("privacy by design", "설계 단계의 개인정보 보호"),
    ("energy efficiency", "에너지 효율"), ("international cooperation", "국제 협력"),
]
STATEMENTS = [
    ("We need rules that small companies can actually follow", "작은 기업도 실제로 지킬 수 있는 규칙이 필요합니다"),
    ("Testing must happen before deployment, not after an accident", "시험은 사고 뒤가 아니라 배포 전에 이루어져야 합니다"),
    ("Regions should share their pilot results openly", "지역들은 시범 사업 결과를 공개적으로 공유해야 합니다"),
    ("Training people matters as much as building machines", "사람을 키우는 일은 기계를 만드는 일만큼 중요합니다"),
    ("Standards only work when industry helps to write them", "표준은 산업계가 함께 만들 때에만 제대로 작동합니다"),
    ("Citizens deserve to know how these systems decide", "시민은 이 시스템이 어떻게 결정하는지 알 권리가 있습니다"),
]
