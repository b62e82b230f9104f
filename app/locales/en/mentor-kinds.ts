import type { Messages } from "~/i18n/catalogue";

export const mentorKinds: Messages["mentorKinds"] = {
  common: {
    time: { title: "Time" },
    hard: {
      title: "What can be hard",
      intro: "We want to give you an honest picture. Being a mentor gives a lot, but it is not always easy.",
      item1: "The young person cancels or does not turn up as agreed. It is rarely about you. Keep reaching out.",
      item2: "Progress takes time, and there will be setbacks. An internship may end early. Small steps count too.",
      item3: "Many of the young people had a difficult time at school. Some have a diagnosis, low self-esteem or are very much alone. Trust takes time to build.",
      item4: "You need to know your limits. You cannot solve everything, and you are not expected to. You are not a therapist or a caseworker, and it is fine to say no.",
      outro: "If you are worried about the young person, talk to your coordinator. If there is immediate danger, call 112.",
    },
    support: {
      title: "What you get",
      intro: "You are not alone with the task.",
      item1: "An introduction course for mentors before you start. You learn about the young people, about the role of a mentor and about looking after yourself.",
      item2: "A named coordinator in the Youth Unit who follows up with you both – twice in the first month and then every month.",
      item3: "Network meetings where you meet other mentors, share experiences and learn new tools.",
      item4: "Someone to call. When you are in doubt, or something goes wrong, you can contact your coordinator.",
    },
    eligibility: {
      title: "Who can apply",
      listIntro: "This is what we ask of every mentor:",
      item1: "You are at least 18 years old.",
      item2: "You have a clean private criminal record certificate (privat straffeattest). With your consent, we obtain it. We do not keep the certificate itself, only that we have assessed it.",
      item3: "You take part in an interview with the Youth Unit and give us two references we may contact.",
      item4: "You sign our code of conduct for mentors.",
      item5: "You take a mentor course before you are matched with a young person.",
    },
    apply: {
      title: "How to apply",
      step1: {
        title: "You apply.",
        text: "Fill in the application. Tell us about yourself, why you want to be a mentor and when you have time.",
      },
      step2: {
        title: "Interview.",
        text: "We meet and talk about your expectations and ours. We contact your two references.",
      },
      step3: {
        title: "Criminal record certificate.",
        text: "With your consent, we obtain your private criminal record certificate.",
      },
      step4: {
        title: "Approval.",
        text: "Two members of staff in the Youth Unit review your application. You are told the decision and the reason for it.",
      },
      step5: {
        title: "Course.",
        text: "You take the mentor course and sign the code of conduct for mentors.",
      },
      step6: {
        title: "Match.",
        text: "We suggest a young person who suits you. You decide whether to say yes. Then you hold a first meeting and agree how often you meet and how you keep in touch.",
      },
    },
    others: {
      title: "Other ways to be a mentor",
      intro: "Does the role not quite fit you? There are three ways to be a mentor.",
    },
  },
  business: {
    title: "Become a business mentor",
    name: "Business mentor",
    summary: "You are or have been a manager or run your own business, and you guide a young person in your free time.",
    lead: "As a business mentor, you use your experience of working life to help a young person towards a job or an education. You are a volunteer, and you meet in your free time.",
    role: {
      title: "What is a business mentor?",
      p1: "A business mentor is a current or former manager or business owner who volunteers as a mentor for a young person. The young person is under 30 and finds it hard to get a foothold in work or education.",
      p2: "You know working life from the inside. You know what an employer expects and how a workplace works. You can pass that on. You can prepare the young person for an internship, talk about how the first week went and help them understand the unwritten rules.",
      p3: "You are not the young person's boss. You are an adult who believes in them and stays. Sometimes your network can also open a door – to an internship, a job or a conversation with a company.",
    },
    time: {
      p1: "Expect to meet the young person regularly for many months. Young people facing big challenges need time. What works is an adult who stays.",
      p2: "You agree between you how often and for how long you meet – for example once a week or every other week. You can meet at a café, go for a walk or talk on the phone.",
      p3: "On top of that come a mentor course before you start and network meetings with other mentors along the way.",
    },
    hard: {
      kind1: "You may be used to things moving fast. Here it is more about listening and waiting than about solving problems for the young person.",
      kind2: "The hard moments often come after 5 pm. Tomorrow's shift weighs on them, or a payment has not arrived. If you can take a call in the evening, it can be a lifeline for the young person. You decide when you can be reached.",
    },
    support: {
      text: "The Youth Unit knows the young person and is in touch with the job centre. You do not have to find your own way through the rules on internships and benefits.",
    },
    eligibility: {
      intro: "We are looking for you if you are or have been a manager or run your own business – in a large or a small company.",
      requirement: "You have experience as a manager or business owner, now or in the past.",
    },
    apply: {
      intro: "Feel free to tell us about your experience and your industry. It helps us find a young person who can benefit from you in particular.",
      action: "Apply as a business mentor",
    },
  },
  civilSociety: {
    title: "Become a civil society mentor",
    name: "Civil society mentor",
    summary: "You are a volunteer – perhaps retired, a student or young yourself – and a steady person in the young person's everyday life.",
    lead: "As a civil society mentor, you are a steady person in a young person's everyday life. You are a volunteer and spend some of your free time helping the young person towards a job or an education.",
    role: {
      title: "What is a civil society mentor?",
      p1: "A civil society mentor is a volunteer from the local community. You may be retired, a student, active in an association or young yourself. You do not need any particular education.",
      p2: "You are someone the young person can talk to and count on. You can go for a walk, have a cup of coffee or go to an activity in an association together. You can help with practical things – understanding a letter, getting out of the door on time or preparing for an interview.",
      p3: "Many of the young people have no adult in their network who can support them. You can help fill that place. You do not need to be an expert – you need to be there.",
    },
    time: {
      p1: "Expect to meet the young person regularly for many months. It is time and stability that make the difference.",
      p2: "You agree between you how often and for how long you meet – for example once a week or every other week. Meetings can be in the afternoon, in the evening or at the weekend, whenever suits you both.",
      p3: "On top of that come a mentor course before you start and network meetings with other mentors along the way.",
    },
    hard: {
      kind1: "You come close to another person's life. It can be hard to put it down when you have said goodbye for the day. Talk to your coordinator about what is on your mind.",
      kind2: "The hard moments often come after 5 pm. Tomorrow's shift weighs on them, or a payment has not arrived. If you can take a call in the evening, it can be a lifeline for the young person. You decide when you can be reached.",
    },
    support: {
      text: "You need no experience as a mentor. The course and your coordinator prepare you. Through the Youth Network (Ungenetværket) you can also find tasks and communities in local associations.",
    },
    eligibility: {
      intro: "Anyone can apply. Retirees, students and other young people are very welcome. What matters most is that you want to be there for a young person – and have the time to keep going.",
      requirement: "You have time to meet the young person in your free time, over several months.",
    },
    apply: {
      intro: "You do not need to have done this before. Feel free to tell us what you are good at and what you like doing. It helps us find the right young person for you.",
      action: "Apply as a civil society mentor",
    },
  },
  company: {
    title: "Become a company mentor",
    name: "Company mentor",
    summary: "A young person does an internship at your workplace, and you are their mentor during working hours.",
    lead: "As a company mentor, you welcome a young person on an internship at your workplace. You are the young person's steady contact during working hours and help them get to know the work and your colleagues.",
    role: {
      title: "What is a company mentor?",
      p1: "A company mentor is an employee who hosts a young person's internship in their own company. You are the young person's mentor during working hours.",
      p2: "You show the young person the ropes, teach them and are the one they can go to with questions. You help the young person become part of the community at work and have their first successes in a job.",
      p3: "You do not have to handle everything outside work. The Youth Unit stays in touch with the young person about the rest, and a volunteer mentor can support them after working hours.",
    },
    time: {
      p1: "You are a mentor during working hours for as long as the internship lasts. It can be short or long, and it can begin with a short trial internship (snusepraktik) so you can both see whether it fits.",
      p2: "Expect to spend some time every day at the start: welcoming the young person, showing them the tasks and talking about how it is going. It often becomes less once the young person settles in.",
      p3: "On top of that come follow-up with the Youth Unit, a mentor course and network meetings with other mentors and companies.",
    },
    hard: {
      kind1: "The young person may never have had a job before. What is obvious to you may have to be learned – for example calling in when you are ill.",
      kind2: "The internship takes time from your own tasks. Your colleagues also need to welcome the young person, so talk about it at work before you start.",
    },
    support: {
      text: "The company does not stand alone. Your coordinator helps find the right match and agree the terms of the internship, and follows up with both you and the young person. You can also take the job centre's mentor course.",
    },
    eligibility: {
      intro: "You work at a company – as a manager or an employee – and would like to welcome a young person on an internship.",
      requirement: "Your employer agrees that the company takes a young person on an internship and that you are a mentor during working hours.",
    },
    apply: {
      intro: "Talk to your manager before you apply. The company has to agree to take a young person on an internship.",
      action: "Apply as a company mentor",
    },
  },
};
